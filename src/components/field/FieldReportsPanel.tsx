import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { fieldReportsGeoJson, readFieldReportsFile } from '../../data/fieldReports.ts';
import { LoadError } from '../../data/LoadError.ts';
import { useApp } from '../../store/store.ts';
import { downloadBlob } from '../share/download.ts';
import { useFieldTranslation } from './i18n.ts';

interface ImportNote {
  kind: 'done' | 'failed';
  text: string;
  problems: string[];
}

/** The tab's name, with the number of reports. */
export function FieldReportsTabLabel() {
  const { t } = useFieldTranslation();
  const n = useApp((s) => s.fieldReports.length);
  return (
    <>
      {t('panel.tab')}
      {n > 0 && ` (${n})`}
    </>
  );
}

/**
 * The field reports tab: the list (newest first, with time, place, result, operator, speed and note), edit
 * and delete with undo, GeoJSON export and import (merged by id), and a save that failed, said in words.
 */
export function FieldReportsPanel() {
  const { t, i18n } = useFieldTranslation();
  const s = useApp(
    useShallow((st) => ({
      reports: st.fieldReports,
      deleted: st.deletedReport,
      saveError: st.reportSaveError,
      remove: st.deleteFieldReport,
      undo: st.undoDeleteReport,
      merge: st.importFieldReports,
      restore: st.restoreFieldReports,
      edit: st.setReportDraft,
    })),
  );
  const fileInput = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState<ImportNote | null>(null);
  const locale = i18n.language === 'en' ? 'en-GB' : 'vi-VN';
  const when = (iso: string): string =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
  const mbps = (v: number | undefined): string => (v === undefined ? '–' : v.toLocaleString(locale));

  const exportFile = (): void => {
    const text = JSON.stringify(fieldReportsGeoJson(s.reports), null, 1);
    const day = new Date().toISOString().slice(0, 10);
    downloadBlob(`field-reports-${day}.geojson`, new Blob([text], { type: 'application/geo+json' }));
  };

  const importFile = async (file: File): Promise<void> => {
    try {
      const read = await readFieldReportsFile({ name: file.name, data: await file.text() });
      const { added, updated } = s.merge(read.reports);
      setNote({
        kind: 'done',
        text: t('panel.imported', { name: file.name, added, updated }),
        problems: read.problems,
      });
    } catch (e) {
      const message =
        e instanceof LoadError ? `${e.message} ${e.fix}` : e instanceof Error ? e.message : String(e);
      setNote({ kind: 'failed', text: t('panel.importFailed', { message }), problems: [] });
    }
  };

  return (
    <section className="vt-reports" aria-labelledby="vt-reports-heading" data-testid="field-reports">
      <h2 id="vt-reports-heading" className="vt-section-head">
        {t('panel.heading')}
      </h2>
      <p className="vt-reports__intro">{t('panel.intro')}</p>
      {s.saveError && (
        <div className="vt-reports__problem" role="alert" data-testid="report-save-error">
          <p>{t('panel.saveFailed', { message: s.saveError })}</p>
          <button type="button" className="vt-button" onClick={() => s.restore([...s.reports])}>
            {t('panel.retry')}
          </button>
        </div>
      )}
      <div className="vt-reports__tools">
        <button
          type="button"
          className="vt-button"
          onClick={exportFile}
          disabled={s.reports.length === 0}
          data-testid="report-export"
        >
          {t('panel.export')}
        </button>
        <button
          type="button"
          className="vt-button vt-button--quiet"
          onClick={() => fileInput.current?.click()}
        >
          {t('panel.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          hidden
          data-testid="report-import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {note && (
        <div className={`vt-reports__note vt-reports__note--${note.kind}`} role="status">
          <p>{note.text}</p>
          {note.problems.length > 0 && (
            <>
              <p>{t('panel.skipped', { count: note.problems.length })}</p>
              <ul>
                {note.problems.slice(0, 10).map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {s.deleted && (
        <p className="vt-reports__undo" role="status">
          {t('panel.deleted', { time: when(s.deleted.properties.time) })}{' '}
          <button type="button" className="vt-link" onClick={s.undo} data-testid="report-undo">
            {t('panel.undo')}
          </button>
        </p>
      )}
      {s.reports.length === 0 ? (
        <p className="vt-reports__empty">{t('panel.empty')}</p>
      ) : (
        <>
          <p className="vt-reports__count">{t('panel.count', { count: s.reports.length })}</p>
          <ul className="vt-reports__list" aria-label={t('panel.list')}>
            {s.reports.map((r) => {
              const p = r.properties;
              const [lon, lat] = r.geometry.coordinates;
              const hasSpeed = p.download_mbps !== undefined || p.upload_mbps !== undefined;
              return (
                <li key={p.id} className="vt-report" data-testid="report-row">
                  <div className="vt-report__head">
                    <span className={`vt-report__result vt-report__result--${p.result}`}>
                      {t(`result.${p.result}`)}
                    </span>
                    <time dateTime={p.time}>{when(p.time)}</time>
                  </div>
                  <div className="vt-report__meta">
                    {t('panel.place', { lat: lat?.toFixed(5), lon: lon?.toFixed(5) })}
                    {p.operator && ` · ${p.operator}`}
                    {p.tech && ` · ${p.tech}`}
                    {hasSpeed &&
                      ` · ${t('panel.speed', { down: mbps(p.download_mbps), up: mbps(p.upload_mbps) })}`}
                  </div>
                  {p.note && <p className="vt-report__note">{p.note}</p>}
                  <div className="vt-report__actions">
                    <button
                      type="button"
                      className="vt-link"
                      onClick={() => {
                        s.edit({ at: r.geometry.coordinates, source: 'saved', editing: r });
                      }}
                    >
                      {t('panel.edit')}
                    </button>
                    <button type="button" className="vt-link" onClick={() => s.remove(p.id)}>
                      {t('panel.delete')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
