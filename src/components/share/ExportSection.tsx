import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { exportPlan, planLabel, planPending, shownPlan } from '../../store/scenario/plan.ts';
import { scenarioStore } from '../../store/scenario/scenarioStore.ts';
import { filterRows } from '../../store/rows.ts';
import { buildExport, EXPORT_KINDS, type ExportKind } from '../../store/share/exportFiles.ts';
import { appStore, useApp } from '../../store/store.ts';
import { activeUnitSystem } from '../../store/units.ts';
import { dataOrigin } from '../import/DataNote.tsx';
import { useImportTranslation } from '../import/i18n.ts';
import { usePlan, usePlanTranslation } from '../plan/usePlan.ts';
import { downloadBlob } from './download.ts';
import { useShareTranslation } from './i18n.ts';
import { areaName, filteredAreaName } from './snapshotContent.ts';

/**
 * Downloads of what the list shows, for the plan shown (baseline or scenario, named in every file): the
 * filtered ranking as a spreadsheet (with the area's summary) or CSV, its white and weak zones, the summary.
 */
export function ExportSection() {
  const { t } = useShareTranslation();
  const { t: tPlan } = usePlanTranslation();
  const { t: tImport } = useImportTranslation();
  const { rows, filters, ready } = useApp(
    useShallow((s) => ({ rows: s.rows, filters: s.filters, ready: s.result !== null && s.input !== null })),
  );
  const plan = usePlan();
  const ids = useMemo(() => filterRows(rows, filters).map((r) => r.id), [rows, filters]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState<ExportKind | null>(null);

  async function save(kind: ExportKind) {
    const s = appStore.getState();
    const sc = scenarioStore.getState();
    if (!s.result || !s.input || planPending(s, sc)) return;
    // The plan of the result being written, read with it: the file says what its numbers are.
    const shown = shownPlan(s, sc);
    setBusy(kind);
    try {
      const file = await buildExport(kind, {
        result: s.result,
        hamlets: s.input.hamlets,
        ids,
        area: s.area,
        // The summary is of the selected area; the other exports are of the filtered list.
        areaName: filteredAreaName(s),
        summaryAreaName: areaName(s),
        provinceName: areaName({ ...s, area: { level: 'province', code: '' } }),
        date: new Date(),
        plan: exportPlan(shown, tPlan('untitled')),
        lang: s.lang,
        planLabel: planLabel(shown, tPlan),
        dataNote: dataOrigin(s, (k, p) => tImport(k, p)),
        ...(activeUnitSystem(s) === 'units' && s.unitSummary
          ? { units: { byHamlet: s.unitOf, summary: s.unitSummary } }
          : {}),
      });
      const blob = typeof file.body === 'string' ? new Blob([file.body], { type: file.mime }) : file.body;
      downloadBlob(file.fileName, blob);
      setStatus(t('exports.done', { name: file.fileName }));
    } catch (e) {
      setStatus(t('exports.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="vt-share__section" aria-labelledby="vt-share-exports">
      <h3 id="vt-share-exports">{t('exports.heading')}</h3>
      <p>{ready ? t('exports.filtered', { count: ids.length }) : t('exports.none')}</p>
      <p className="vt-plan-note" data-testid="exports-plan" data-plan={plan.shown.kind}>
        {plan.pending
          ? tPlan('exports.pending')
          : tPlan('exports.describes', { plan: planLabel(plan.shown, tPlan) })}
      </p>
      <div className="vt-share__buttons vt-share__buttons--column">
        {EXPORT_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            disabled={!ready || plan.pending || busy !== null}
            onClick={() => void save(kind)}
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
