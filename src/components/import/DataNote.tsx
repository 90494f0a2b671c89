import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { appStore, type AppStore } from '../../store/store.ts';
import type { AppState } from '../../store/appState.ts';
import { shownSummary } from '../../store/slices/analysisSlice.ts';
import { useImportTranslation } from './i18n.ts';

/** Where the data comes from, in words: the sample, the user's files, or both (also the exports' data note). */
export function dataOrigin(
  s: Pick<AppState, 'dataSource' | 'importedFiles' | 'illustrativeLayers'>,
  t: (key: string, params?: Record<string, string>) => string,
): string {
  const files = s.importedFiles.join(', ');
  if (s.dataSource === 'sample') return t('note.sample');
  if (s.illustrativeLayers.length === 0) return t('note.imported', { files });
  return t('note.mixed', { files, layers: s.illustrativeLayers.join(', ') });
}

/**
 * Says where the data comes from (the illustrative sample, the user's files, or both) and how
 * households were counted in the last analysis (points, or spread by area).
 */
export function DataNote({ store = appStore }: { store?: AppStore }) {
  const { t } = useImportTranslation();
  const { source, files, illustrative, method } = useStore(
    store,
    useShallow((s) => ({
      source: s.dataSource,
      files: s.importedFiles,
      illustrative: s.illustrativeLayers,
      method: shownSummary(s)?.householdMethod ?? null,
    })),
  );
  const origin = dataOrigin(
    { dataSource: source, importedFiles: files, illustrativeLayers: illustrative },
    (k, p) => t(k, p),
  );
  const methodKey = { points: 'householdsPoints', area: 'householdsArea', mixed: 'householdsMixed' } as const;
  return (
    <p className="vt-data-note" data-testid="data-note" data-source={source}>
      <span>{origin}</span>{' '}
      {method ? <span data-testid="household-method">{t(`note.${methodKey[method]}`)}</span> : null}
    </p>
  );
}
