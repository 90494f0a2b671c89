import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsProblem } from '../../analysis/validateSettings.ts';
import {
  MAX_FILE_BYTES,
  parseProject,
  SettingsRefused,
  type LoadResult,
  type ParsedProject,
} from '../../data/index.ts';
import { settingsProblemText } from '../../i18n/settingsProblem.ts';
import { applyProject } from '../../store/persist/projectFile.ts';
import type { AppStore } from '../../store/store.ts';
import type { ImportBackend, RunningLoad } from '../../worker/importClient.ts';
import type { ProbeResult } from '../../data/probeFile.ts';
import type { ImportFailure } from '../../worker/importTask.ts';
import { applyBatch, applyImport, hamletsExtent, mergeBatch, type PendingLayer } from './applyImport.ts';
import { BatchSummary, canImport, ProjectSummary, ReplaceNote } from './DialogNotes.tsx';
import { FileSetup, initialChoices, type FileChoices } from './FileSetup.tsx';
import { useImportTranslation } from './i18n.ts';
import { Modal } from './Modal.tsx';
import { ReportView } from './ReportView.tsx';

type Step =
  | { kind: 'probing' }
  | { kind: 'setup'; probe: ProbeResult; choices: FileChoices; note?: 'cancelled' }
  | { kind: 'loading'; probe: ProbeResult; choices: FileChoices; progress: number }
  | { kind: 'report'; probe: ProbeResult; choices: FileChoices; result: LoadResult }
  | { kind: 'failed'; probe?: ProbeResult; choices?: FileChoices; error: ImportFailure }
  | { kind: 'settingsRefused'; problems: SettingsProblem[] }
  | { kind: 'project'; parsed: ParsedProject }
  | { kind: 'tooBig' };

interface ImportDialogProps {
  files: File[];
  /** 'project' when the user chose "Open project": the file is read as a project whatever it looks like. */
  mode?: 'layers' | 'project';
  store: AppStore;
  backend: ImportBackend;
  onDone(): void;
}

/** The map's size, for fitting imported hamlets; the window when the map is not there (tests). */
function viewport(): { width: number; height: number } {
  const map = document.querySelector('.maplibregl-map');
  const width = map?.clientWidth || window.innerWidth || 1024;
  const height = map?.clientHeight || window.innerHeight || 768;
  return { width, height };
}

/**
 * One file at a time: guess (probe) → the user confirms role, fields and CRS → check in the worker
 * with progress and cancel → validation report → import. Nothing changes the data before "Import".
 * Several files chosen together are checked one after another and imported together at the end, in one
 * change of the data, so the analysis runs once for all of them.
 */
export function ImportDialog({ files, mode = 'layers', store, backend, onDone }: ImportDialogProps) {
  const { t } = useImportTranslation();
  const app = useTranslation();
  const [index, setIndex] = useState(0);
  const [probeStep, setStep] = useState<Step>({ kind: 'probing' });
  const running = useRef<RunningLoad | null>(null);
  /** The backend keeps the file its probe read; loads name it so the file is read once. */
  const parsedId = useRef<number | undefined>(undefined);
  /** Several files: the layers confirmed so far, imported together from the summary at the end. */
  const [pending, setPending] = useState<PendingLayer[]>([]);
  const [atSummary, setAtSummary] = useState(false);
  const multi = files.length > 1;
  const file = files[index];

  const stopReading = useCallback(() => {
    running.current?.cancel();
    running.current = null;
    parsedId.current = undefined;
    backend.forget();
  }, [backend]);

  /** To the next file, or past the last one to the summary when layers are waiting (`waiting`). */
  const advance = useCallback(
    (waiting: readonly PendingLayer[]) => {
      stopReading();
      if (index + 1 < files.length) {
        setIndex(index + 1);
        setStep({ kind: 'probing' });
      } else if (waiting.length > 0) setAtSummary(true);
      else onDone();
    },
    [index, files.length, onDone, stopReading],
  );
  const next = useCallback(() => advance(pending), [advance, pending]);

  /** Closing with layers confirmed goes to the summary first: confirmed work is not dropped unasked. */
  const close = useCallback(() => {
    if (!atSummary && pending.length > 0) {
      stopReading();
      setAtSummary(true);
    } else onDone();
  }, [atSummary, pending, onDone, stopReading]);

  useEffect(() => {
    if (!file) return;
    let live = true;
    if (file.size > MAX_FILE_BYTES) return;
    const openProject = async (): Promise<void> => {
      try {
        const parsed = parseProject(await file.text(), file.name);
        if (live) setStep({ kind: 'project', parsed });
      } catch (e) {
        const err = e as { message?: string; fix?: string };
        if (!live) return;
        if (e instanceof SettingsRefused) setStep({ kind: 'settingsRefused', problems: e.problems });
        else setStep({ kind: 'failed', error: { message: err.message ?? String(e), fix: err.fix ?? '' } });
      }
    };
    if (mode === 'project') {
      void openProject();
    } else {
      void backend.probe({ name: file.name, blob: file }).then(async (outcome) => {
        if (!live) return;
        if (!outcome.ok) return setStep({ kind: 'failed', error: outcome.error });
        if (outcome.probe.kind === 'project') return openProject();
        parsedId.current = outcome.parsedId;
        setStep({ kind: 'setup', probe: outcome.probe, choices: initialChoices(outcome.probe) });
      });
    }
    return () => {
      live = false;
    };
  }, [file, backend, mode]);

  useEffect(
    () => () => {
      running.current?.cancel();
      backend.forget();
      backend.release?.();
    },
    [backend],
  );

  if (!file) return null;

  if (atSummary) {
    // The layers wait for hamlets all together or not at all: without hamlets in the batch or the data,
    // every layer needs them (and Import is off); with them, none does.
    const { left: needHamlets } = mergeBatch(store.getState(), pending);
    const importAll = (): void => {
      if (applyBatch(store, pending, viewport()).length === 0) onDone();
    };
    return (
      <Modal title={t('batch.title', { count: files.length })} onClose={onDone} className="vt-import-dialog">
        <div className="vt-modal-body" aria-live="polite">
          <BatchSummary layers={pending} needHamlets={needHamlets} />
        </div>
        <div className="vt-modal-actions">
          <button type="button" onClick={onDone}>
            {t('dialog.cancel')}
          </button>
          <button
            type="button"
            className="vt-primary"
            data-autofocus
            disabled={needHamlets.length === pending.length}
            onClick={importAll}
          >
            {t('batch.import', { count: pending.length - needHamlets.length })}
          </button>
        </div>
      </Modal>
    );
  }

  // Refused before reading a byte: a file this size would take the tab down.
  const step: Step = file.size > MAX_FILE_BYTES ? { kind: 'tooBig' } : probeStep;

  const check = (probe: ProbeResult, choices: FileChoices): void => {
    setStep({ kind: 'loading', probe, choices, progress: 0 });
    const options = {
      ...(choices.crs ? { crs: choices.crs } : {}),
      fields: choices.fields,
      ...(probe.csv ? { csvColumns: choices.csvColumns } : {}),
      axisOrder: choices.axisOrder,
      ...hamletsExtent(store),
    };
    const run = backend.load(
      { name: file.name, blob: file },
      choices.role,
      options,
      (progress) => setStep((s) => (s.kind === 'loading' ? { ...s, progress } : s)),
      parsedId.current,
    );
    running.current = run;
    void run.done.then((outcome) => {
      if (running.current !== run) return;
      running.current = null;
      if (outcome.ok) setStep({ kind: 'report', probe, choices, result: outcome.result });
      else if ('cancelled' in outcome) setStep({ kind: 'setup', probe, choices, note: 'cancelled' });
      else setStep({ kind: 'failed', probe, choices, error: outcome.error });
    });
  };

  const doImport = (result: LoadResult, choices: FileChoices): void => {
    if (multi) {
      const waiting = [
        ...pending.filter((l) => l.fileName !== file.name),
        { role: choices.role, collection: result.collection, fileName: file.name },
      ];
      setPending(waiting);
      advance(waiting);
    } else if (applyImport(store, choices.role, result.collection, file.name, viewport())) next();
  };
  /** In a batch a layer may wait for hamlets chosen later in the same go. */
  const importable = (role: string): boolean =>
    canImport(store, role) ||
    (multi && (index + 1 < files.length || pending.some((l) => l.role === 'hamlets')));

  const title =
    files.length > 1
      ? t('dialog.fileOf', { n: index + 1, total: files.length, name: file.name })
      : `${step.kind === 'project' ? t('dialog.projectTitle') : t('dialog.title')}: ${file.name}`;

  const closeButton = (
    <button type="button" data-autofocus onClick={next}>
      {t('dialog.close')}
    </button>
  );
  /** Back to the file's set-up, as it was chosen. */
  const backButton = (probe: ProbeResult, choices: FileChoices) => (
    <button type="button" onClick={() => setStep({ kind: 'setup', probe, choices })}>
      {t('dialog.back')}
    </button>
  );

  return (
    <Modal title={title} onClose={close} className="vt-import-dialog">
      <div className="vt-modal-body" aria-live="polite">
        {step.kind === 'probing' ? <p>{t('dialog.reading', { name: file.name })}</p> : null}

        {step.kind === 'setup' ? (
          <>
            <p>
              {t('dialog.summary', {
                kind: t(`dialog.kind.${step.probe.kind}`),
                count: step.probe.featureCount,
              })}
            </p>
            {step.note ? (
              <p className="vt-imp-note" role="status">
                {t('dialog.cancelled')}
              </p>
            ) : null}
            <FileSetup
              probe={step.probe}
              choices={step.choices}
              onChange={(choices) => setStep({ ...step, choices })}
            />
          </>
        ) : null}

        {step.kind === 'loading' ? (
          <div className="vt-loading">
            <p>{t('dialog.loading', { name: file.name })}</p>
            <progress max={1} value={step.progress} aria-label={t('dialog.progress')} />
            <span>{Math.round(step.progress * 100)} %</span>
          </div>
        ) : null}

        {step.kind === 'report' ? (
          <>
            <ReportView result={step.result} />
            {multi && step.result.report.imported > 0 && importable(step.choices.role) ? (
              <p className="vt-imp-note">{t('batch.later', { count: files.length })}</p>
            ) : (
              <ReplaceNote store={store} role={step.choices.role} imported={step.result.report.imported} />
            )}
          </>
        ) : null}

        {step.kind === 'failed' ? (
          <div className="vt-imp-error" role="alert">
            <p>
              <strong>{t('dialog.failed')}</strong>
            </p>
            {step.error.code === 'workerFailed' ? (
              // The worker died twice (most often memory): said in the UI's language, with what to do.
              <>
                <p>{t('dialog.workerFailed', { name: file.name })}</p>
                <p>{t('dialog.fix', { fix: t('dialog.workerFailedFix') })}</p>
              </>
            ) : (
              <>
                <p>{step.error.message}</p>
                {step.error.fix ? <p>{t('dialog.fix', { fix: step.error.fix })}</p> : null}
              </>
            )}
          </div>
        ) : null}

        {step.kind === 'settingsRefused' ? (
          <div className="vt-imp-error" role="alert" data-testid="settings-refused">
            <p>
              <strong>{t('dialog.settingsRefused', { name: file.name })}</strong>
            </p>
            <ul>
              {step.problems.map((p) => (
                <li key={`${p.kind}:${p.key}`}>
                  {settingsProblemText(p, app.t, app.i18n.language === 'en' ? 'en' : 'vi')}
                </li>
              ))}
            </ul>
            <p>{t('dialog.fix', { fix: t('dialog.settingsFix') })}</p>
          </div>
        ) : null}

        {step.kind === 'project' ? <ProjectSummary parsed={step.parsed} /> : null}

        {step.kind === 'tooBig' ? (
          <p className="vt-imp-error" role="alert">
            {t('dialog.tooBig', { name: file.name, size: mb(file.size), limit: mb(MAX_FILE_BYTES) })}
          </p>
        ) : null}
      </div>

      <div className="vt-modal-actions">
        {step.kind === 'probing' ? (
          <button
            type="button"
            onClick={() => {
              backend.abort?.();
              next();
            }}
          >
            {t('dialog.cancel')}
          </button>
        ) : null}
        {step.kind === 'setup' ? (
          <>
            <button type="button" onClick={next}>
              {files.length > 1 ? t('dialog.skip') : t('dialog.cancel')}
            </button>
            <button
              type="button"
              className="vt-primary"
              data-autofocus
              onClick={() => check(step.probe, step.choices)}
            >
              {t('dialog.check')}
            </button>
          </>
        ) : null}
        {step.kind === 'loading' ? (
          <button type="button" onClick={() => running.current?.cancel()}>
            {t('dialog.cancel')}
          </button>
        ) : null}
        {step.kind === 'report' ? (
          <>
            {backButton(step.probe, step.choices)}
            <button type="button" onClick={next}>
              {multi ? t('dialog.skip') : t('dialog.cancel')}
            </button>
            <button
              type="button"
              className="vt-primary"
              disabled={step.result.report.imported === 0 || !importable(step.choices.role)}
              onClick={() => doImport(step.result, step.choices)}
            >
              {multi
                ? t('batch.add', { count: step.result.report.imported })
                : t('report.import', { count: step.result.report.imported })}
            </button>
          </>
        ) : null}
        {step.kind === 'tooBig' || step.kind === 'settingsRefused' ? closeButton : null}
        {step.kind === 'failed' ? (
          <>
            {step.probe && step.choices ? backButton(step.probe, step.choices) : null}
            {closeButton}
          </>
        ) : null}
        {step.kind === 'project' ? (
          <>
            <button type="button" onClick={next}>
              {t('dialog.cancel')}
            </button>
            <button
              type="button"
              className="vt-primary"
              onClick={() => {
                try {
                  applyProject(store, step.parsed, file.name);
                  next();
                } catch (e) {
                  setStep({
                    kind: 'failed',
                    error: { message: e instanceof Error ? e.message : String(e), fix: '' },
                  });
                }
              }}
            >
              {t('report.open')}
            </button>
          </>
        ) : null}
      </div>
    </Modal>
  );
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}
