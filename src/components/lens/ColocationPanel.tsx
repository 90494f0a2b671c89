import { useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { ColocationCandidate } from '../../analysis/colocation.ts';
import { activeLens } from '../../store/lens.ts';
import { colocationStore, selectedCandidate } from '../../store/lens/colocation.ts';
import { scenarioStore } from '../../store/scenario/scenarioStore.ts';
import { effectiveSettings, useApp } from '../../store/store.ts';
import { useScenario } from '../scenario/useScenario.ts';
import { useFormat } from '../useFormat.ts';
import { useLensTranslation } from './i18n.ts';

/** Hamlets named under a chosen candidate; the rest are counted. */
const HAMLETS_SHOWN = 5;

/**
 * Tower sharing for the lens operator: other operators' sites and its own 2G/3G-only sites where its 4G would
 * cover households it does not reach, by households gained, with cost and cost per household. Choosing one
 * shows it on the map with the hamlets it gains; one click adds it to the current scenario, whose delta for
 * the operator shows here (and in full in the what-if panel).
 */
export function ColocationPanel() {
  const { t } = useLensTranslation();
  const fmt = useFormat();
  const { operator, cost, names } = useApp(
    useShallow((s) => ({
      operator: activeLens(s).operator,
      cost: effectiveSettings(s).cost,
      names: s.coverageById,
    })),
  );
  const c = useStore(
    colocationStore,
    useShallow((s) => ({
      status: s.status,
      result: s.result,
      error: s.error,
      selectedId: s.selectedId,
      select: s.select,
    })),
  );
  const delta = useScenario((s) => s.delta);
  const [added, setAdded] = useState<string | null>(null);
  if (operator === null) return <p className="vt-note">{t('colocation.chooseOperator')}</p>;
  const candidates = c.result?.operator === operator ? c.result.candidates : [];
  const selected = selectedCandidate(c);
  const mine = delta?.operators.find((o) => o.operator === operator);
  const kind = (x: ColocationCandidate) => t(`colocation.${x.kind}`);

  const add = (x: ColocationCandidate) => {
    const s = scenarioStore.getState();
    s.setEdits([...s.edits, { kind: 'add-site', site: x.site }]);
    c.select(null);
    setAdded(x.siteId);
  };

  return (
    <section className="vt-colocation" aria-labelledby="vt-colocation-title" data-testid="colocation-panel">
      <h3 id="vt-colocation-title">{t('colocation.heading', { operator })}</h3>
      <p className="vt-note">
        {t('colocation.intro', {
          operator,
          share: fmt.vnd(cost.colocationVnd),
          upgrade: fmt.vnd(cost.upgradeVnd),
        })}
      </p>
      <p role="status" aria-live="polite" className="vt-colocation__status" data-testid="colocation-status">
        {c.status === 'error'
          ? t('colocation.error', { message: c.error })
          : c.status === 'busy' && candidates.length === 0
            ? t('colocation.busy')
            : added
              ? t('colocation.added', { id: added })
              : c.result && candidates.length === 0
                ? t('colocation.none', { operator })
                : c.result
                  ? t('colocation.count', {
                      count: candidates.length,
                      considered: fmt.integer(c.result.sitesConsidered),
                    })
                  : ''}
      </p>
      {mine && mine.newMbbHouseholds > 0 && delta && (
        <p className="vt-colocation__delta" data-testid="colocation-delta">
          {t('colocation.delta', {
            operator,
            households: fmt.integer(mine.newMbbHouseholds),
            cost: fmt.vnd(delta.costVnd),
          })}
        </p>
      )}
      {selected && (
        <div className="vt-colocation__selected" data-testid="colocation-selected">
          <p>
            {t('colocation.selected', {
              id: selected.siteId,
              owner: selected.ownerOperator,
              kind: kind(selected),
              radius: fmt.distance(selected.radiusM),
              cost: fmt.vnd(selected.costVnd),
              households: fmt.integer(selected.householdsGained),
              hamlets: fmt.integer(selected.hamlets.length),
            })}
          </p>
          <ul className="vt-list">
            {selected.hamlets.slice(0, HAMLETS_SHOWN).map((h) => (
              <li key={h.id}>
                {t('colocation.hamlet', {
                  name: names.get(h.id)?.name ?? h.id,
                  households: fmt.integer(h.households),
                })}
              </li>
            ))}
            {selected.hamlets.length > HAMLETS_SHOWN && <li>…</li>}
          </ul>
          <div className="vt-colocation__actions">
            <button
              type="button"
              className="vt-button"
              onClick={() => add(selected)}
              data-testid="colocation-add"
            >
              {t('colocation.add')}
            </button>
            <button type="button" className="vt-button vt-button--quiet" onClick={() => c.select(null)}>
              {t('colocation.close')}
            </button>
          </div>
        </div>
      )}
      {candidates.length > 0 && (
        <table className="vt-colocation__table" aria-busy={c.status === 'busy'}>
          <thead>
            <tr>
              <th scope="col">{t('colocation.site')}</th>
              <th scope="col" className="vt-num">
                {t('colocation.gained')}
              </th>
              <th scope="col" className="vt-num">
                {t('colocation.perHousehold')}
              </th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((x) => (
              <tr key={x.siteId} className={x.siteId === c.selectedId ? 'is-selected' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="vt-link"
                    aria-pressed={x.siteId === c.selectedId}
                    onClick={() => {
                      setAdded(null);
                      c.select(x.siteId === c.selectedId ? null : x.siteId);
                    }}
                    data-candidate={x.siteId}
                  >
                    {x.siteId}
                  </button>
                  <span className="vt-colocation__owner">
                    {x.ownerOperator} · {kind(x)}
                  </span>
                </th>
                <td className="vt-num">{fmt.integer(x.householdsGained)}</td>
                <td className="vt-num">{fmt.vndAmount(x.costPerHouseholdVnd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
