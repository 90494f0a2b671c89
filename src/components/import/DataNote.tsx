import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { appStore, type AppStore } from '../../store/store.ts';
import { useImportTranslation } from './i18n.ts';

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
      method: s.result?.summary.householdMethod ?? null,
    })),
  );
  const origin =
    source === 'sample'
      ? t('note.sample')
      : illustrative.length === 0
        ? t('note.imported', { files: files.join(', ') })
        : t('note.mixed', { files: files.join(', '), layers: illustrative.join(', ') });
  const methodKey = { points: 'householdsPoints', area: 'householdsArea', mixed: 'householdsMixed' } as const;
  return (
    <p className="vt-data-note" data-testid="data-note" data-source={source}>
      <span>{origin}</span>{' '}
      {method ? <span data-testid="household-method">{t(`note.${methodKey[method]}`)}</span> : null}
    </p>
  );
}
