import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { activeLens, exportLens, listSource } from '../../store/lens.ts';
import { filterRows } from '../../store/rows.ts';
import { buildExport, EXPORT_KINDS, type ExportKind } from '../../store/share/exportFiles.ts';
import { appStore, useApp } from '../../store/store.ts';
import { downloadBlob } from './download.ts';
import { useShareTranslation } from './i18n.ts';
import { areaName, filteredAreaName } from './snapshotContent.ts';

/** Downloads of what the list shows: the filtered ranking, its white and weak zones, the area summary. */
export function ExportSection() {
  const { t } = useShareTranslation();
  const { rows, filters, ready } = useApp(
    useShallow((s) => ({
      rows: listSource(s),
      filters: s.filters,
      ready: s.result !== null && s.input !== null,
    })),
  );
  const ids = useMemo(() => filterRows(rows, filters).map((r) => r.id), [rows, filters]);
  const [status, setStatus] = useState('');

  function save(kind: ExportKind) {
    const s = appStore.getState();
    if (!s.result || !s.input) return;
    const file = buildExport(kind, {
      result: s.result,
      hamlets: s.input.hamlets,
      ids,
      area: s.area,
      // The summary is of the selected area; the other exports are of the filtered list.
      areaName: kind === 'summary-csv' ? areaName(s) : filteredAreaName(s),
      date: new Date(),
      lens: exportLens(activeLens(s)),
    });
    downloadBlob(file.fileName, new Blob([file.text], { type: file.mime }));
    setStatus(t('exports.done', { name: file.fileName }));
  }

  return (
    <section className="vt-share__section" aria-labelledby="vt-share-exports">
      <h3 id="vt-share-exports">{t('exports.heading')}</h3>
      <p>{ready ? t('exports.filtered', { count: ids.length }) : t('exports.none')}</p>
      <div className="vt-share__buttons vt-share__buttons--column">
        {EXPORT_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            disabled={!ready}
            onClick={() => save(kind)}
            data-testid={`export-${kind}`}
          >
            {t(`exports.${kind}`)}
          </button>
        ))}
      </div>
      <p className="vt-share__status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
