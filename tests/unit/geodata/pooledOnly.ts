import type { AnalysisResult, Rollup } from '../../../src/analysis/types.ts';

type PooledRollup = Omit<Rollup, 'marketHouseholds' | 'hamletsByMarketClass' | 'operators'>;

/** The pooled analysis alone: without timings and without the operator dimension (market classes, operators). */
export function pooledOnly(r: AnalysisResult): unknown {
  const rollup = ({
    marketHouseholds: _m,
    hamletsByMarketClass: _c,
    operators: _o,
    ...rest
  }: Rollup): PooledRollup => rest;
  return {
    ...r,
    timingsMs: {},
    hamlets: r.hamlets.map(({ market: _m, operators: _o, ...rest }) => rest),
    summary: {
      ...r.summary,
      province: rollup(r.summary.province),
      districts: r.summary.districts.map(rollup),
      communes: r.summary.communes.map(rollup),
    },
  };
}
