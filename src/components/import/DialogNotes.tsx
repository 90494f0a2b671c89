import type { LayerRole, ParsedProject } from '../../data/index.ts';
import type { PendingLayer } from './applyImport.ts';
import type { AppStore } from '../../store/store.ts';
import { useImportTranslation } from './i18n.ts';

/** Layers other than hamlets need hamlets to add to. */
export function canImport(store: AppStore, role: string): boolean {
  return role === 'hamlets' || store.getState().input !== null;
}

/** What importing will replace, said before anything is replaced. */
export function ReplaceNote({
  store,
  role,
  imported,
}: {
  store: AppStore;
  role: LayerRole;
  imported: number;
}) {
  const { t } = useImportTranslation();
  if (imported === 0) return <p className="vt-imp-warning">{t('report.nothing')}</p>;
  if (!canImport(store, role)) return <p className="vt-imp-warning">{t('report.needHamlets')}</p>;
  const replacesSample = role === 'hamlets' && store.getState().illustrativeLayers.length > 0;
  return (
    <p className="vt-imp-note">
      {replacesSample ? t('report.replaceAll') : t('report.replaceOne', { role: t(`roles.${role}`) })}{' '}
      {t('dialog.unchanged')}
    </p>
  );
}

/** Layers of a project file and how many of their features are valid. */
export function ProjectSummary({ parsed }: { parsed: ParsedProject }) {
  const { t } = useImportTranslation();
  return (
    <section>
      <h3>{t('report.layers')}</h3>
      <ul>
        {parsed.reports.map((r) => (
          <li key={r.role}>
            {t('report.layerLine', { role: t(`roles.${r.role}`), imported: r.imported, total: r.total })}
          </li>
        ))}
      </ul>
      <p className="vt-imp-note">{t('dialog.unchanged')}</p>
    </section>
  );
}

/**
 * The layers checked in a multi-file import, before (or, with `done`, after) they are imported together.
 * Layers that need hamlets when none were chosen or loaded are named apart.
 */
export function BatchSummary({
  layers,
  needHamlets,
}: {
  layers: readonly PendingLayer[];
  needHamlets: readonly PendingLayer[];
}) {
  const { t } = useImportTranslation();
  const ready = layers.filter((l) => !needHamlets.includes(l));
  return (
    <section data-testid="import-batch">
      {ready.length > 0 ? (
        <>
          <h3>{t('batch.ready')}</h3>
          <LayerLines layers={ready} />
          <p className="vt-imp-note">{t('batch.once')}</p>
        </>
      ) : null}
      {needHamlets.length > 0 ? (
        <div className="vt-imp-warning">
          <p>{t('batch.needHamlets')}</p>
          <LayerLines layers={needHamlets} />
        </div>
      ) : null}
      <p className="vt-imp-note">{t('dialog.unchanged')}</p>
    </section>
  );
}

/** One line a layer: its role, its file and how many features it holds. */
function LayerLines({ layers }: { layers: readonly PendingLayer[] }) {
  const { t } = useImportTranslation();
  return (
    <ul>
      {layers.map((l) => (
        <li key={l.fileName}>
          {t('batch.line', {
            role: t(`roles.${l.role}`),
            name: l.fileName,
            count: l.collection.features.length,
          })}
        </li>
      ))}
    </ul>
  );
}
