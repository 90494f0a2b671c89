import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { useStore } from 'zustand';
import { loadSample } from '../../store/loadSample.ts';
import { idbStore, type KeyValueStore } from '../../store/persist/kvStore.ts';
import { DATA_KEY } from '../../store/persist/persist.ts';
import { projectText } from '../../store/persist/projectFile.ts';
import { versionsForProject } from '../../store/versions/versionDb.ts';
import { exportFileName } from '../../store/share/fileName.ts';
import { dataSettled } from '../../store/slices/dataSlice.ts';
import { appStore, type AppStore } from '../../store/store.ts';
import { createWorkerBackend, type ImportBackend } from '../../worker/importClient.ts';
import { downloadBlob } from '../share/download.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { DropOverlay } from './DropOverlay.tsx';
import { RestoreNotice } from './RestoreNotice.tsx';
import { SaveProblem } from './SaveProblem.tsx';
import { useImportTranslation } from './i18n.ts';
import './import.css';

// The dialog brings the readers (zip, KML, Shapefile, CSV) and coordinate systems (proj4): about a third
// of the app's code, fetched when a file is first chosen or dropped instead of with every page load.
const ImportDialog = lazy(() => import('./ImportDialog.tsx').then((m) => ({ default: m.ImportDialog })));

interface ImportControlsProps {
  store?: AppStore;
  /** Defaults to parsing in a Web Worker; component tests pass the in-thread backend. */
  backend?: ImportBackend;
  kv?: KeyValueStore;
  /** What "Reset to sample data" loads; defaults to the shipped sample. */
  resetToSample?: (store: AppStore) => Promise<void>;
}

const LAYER_ACCEPT = '.geojson,.json,.zip,.kml,.kmz,.csv,.txt';

/**
 * The "Data" menu (import, open/save project, reset to the sample), drag-and-drop anywhere on the
 * page, and the dialogs they open.
 */
export function ImportControls({
  store = appStore,
  backend,
  kv = idbStore,
  resetToSample = loadSample,
}: ImportControlsProps) {
  const { t } = useImportTranslation();
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [files, setFiles] = useState<File[] | null>(null);
  const [mode, setMode] = useState<'layers' | 'project'>('layers');
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const container = useRef<HTMLDivElement>(null);
  const layerInput = useRef<HTMLInputElement>(null);
  const projectInput = useRef<HTMLInputElement>(null);
  const worker = useMemo(() => backend ?? createWorkerBackend(), [backend]);
  // Files chosen while the data is still loading (the saved data read back after a reload) open their
  // dialog once it is there: an import adds to that data and must see it.
  const loading = useStore(store, (s) => s.dataStatus === 'loading');

  useEffect(() => {
    if (!open || confirming) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setOpen(false);
    };
    // A click anywhere else closes the menu, as menus do.
    const onPointer = (e: PointerEvent): void => {
      if (e.target instanceof Node && !container.current?.contains(e.target)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open, confirming]);

  const start = (list: FileList | null, as: 'layers' | 'project'): void => {
    if (list && list.length > 0) {
      setMode(as);
      setFiles([...list]);
      setOpen(false);
    }
  };

  const save = async (): Promise<void> => {
    await dataSettled(store);
    // The saved dated versions travel in the project too; their layers are read from this browser first.
    const versions = await versionsForProject().catch(() => []);
    const state = store.getState();
    if (!state.input) {
      setMessage(t('toolbar.nothingToSave'));
      return;
    }
    const name = exportFileName(
      'project',
      state.importedFiles[0]?.replace(/\.[^.]+$/, '') ?? 'nam-dinh',
      new Date(),
      'json',
    );
    downloadBlob(name, new Blob([projectText(state, undefined, versions)], { type: 'application/json' }));
    setMessage(t('toolbar.saved', { name }));
  };

  /**
   * Back to a clean start: the sample, then the default settings (saving {} replaces the saved ones).
   * In that order, the data the analysis runs on is the sample's from the first run on.
   */
  const reset = async (): Promise<void> => {
    setConfirming(false);
    setOpen(false);
    await dataSettled(store);
    await kv.del(DATA_KEY).catch(() => undefined);
    await resetToSample(store);
    store.getState().resetSettings();
  };

  /** A hidden file input: it starts an import of its kind, then forgets the file so it may be picked again. */
  const picker = (
    as: 'layers' | 'project',
    ref: RefObject<HTMLInputElement | null>,
    accept: string,
    testId: string,
    multiple = false,
  ) => (
    <input
      ref={ref}
      type="file"
      multiple={multiple}
      accept={accept}
      hidden
      data-testid={testId}
      onChange={(e) => {
        start(e.target.files, as);
        e.target.value = '';
      }}
    />
  );

  return (
    <div className="vt-import-controls" ref={container}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
        data-testid="data-menu"
      >
        {t('toolbar.label')} ▾
      </button>
      <div id={menuId} className="vt-import-menu" hidden={!open}>
        <button type="button" onClick={() => layerInput.current?.click()}>
          {t('toolbar.import')}
        </button>
        <button type="button" onClick={() => projectInput.current?.click()}>
          {t('toolbar.openProject')}
        </button>
        <button type="button" onClick={() => void save()}>
          {t('toolbar.saveProject')}
        </button>
        <button type="button" onClick={() => setConfirming(true)}>
          {t('toolbar.reset')}
        </button>
      </div>
      <p className="vt-visually-hidden" role="status">
        {message}
      </p>
      <RestoreNotice store={store} />
      <SaveProblem onSaveProject={save} />
      {picker('layers', layerInput, LAYER_ACCEPT, 'import-file-input', true)}
      {picker('project', projectInput, '.json', 'project-file-input')}
      <DropOverlay
        onFiles={(list) => {
          setMode('layers');
          setFiles(list);
        }}
        disabled={files !== null || confirming}
      />
      {files && loading ? (
        <p className="vt-import-waiting" role="status" data-testid="import-waiting">
          {t('toolbar.waitingForData')}
        </p>
      ) : files ? (
        <Suspense fallback={null}>
          <ImportDialog
            files={files}
            mode={mode}
            store={store}
            backend={worker}
            onDone={() => setFiles(null)}
          />
        </Suspense>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t('confirm.resetTitle')}
          body={t('confirm.resetBody')}
          confirmLabel={t('confirm.resetOk')}
          cancelLabel={t('confirm.cancel')}
          onConfirm={() => void reset()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </div>
  );
}
