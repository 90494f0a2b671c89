import type { Feature, FeatureCollection } from 'geojson';
import { analyze } from '../../src/analysis/analyze.ts';
import { AnalysisSession } from '../../src/analysis/incremental.ts';
import { ANONYMOUS_OPERATOR, operatorsInLayers } from '../../src/analysis/operatorNames.ts';
import type { InputLayers } from '../../src/analysis/types.ts';
import { fmtMs, median, progress, time } from './stats.ts';
import type { Row } from './stats.ts';

const FOURTH = 'Vietnamobile';

/**
 * A heavier operator dimension than the shipped sample's: every sixth site (by position in the file) handed
 * to a fourth operator, so that four operators each reach most hamlets.
 */
export function heavyFourthOperator(layers: InputLayers): InputLayers {
  if (!layers.sites) return layers;
  return {
    ...layers,
    sites: {
      ...layers.sites,
      features: layers.sites.features.map((f, i) =>
        i % 6 === 5 ? { ...f, properties: { ...f.properties, operator: FOURTH } } : f,
      ),
    },
  };
}

/** The same layers with every `operator` property removed: one (anonymous) operator, the pooled engine's work. */
export function withoutOperators(layers: InputLayers): InputLayers {
  const strip = <T extends FeatureCollection>(fc: T | undefined): T | undefined =>
    fc && {
      ...fc,
      features: fc.features.map((f: Feature) => {
        const { operator: _drop, ...rest } = f.properties ?? {};
        return { ...f, properties: rest };
      }),
    };
  return {
    ...layers,
    sites: strip(layers.sites),
    fibre: strip(layers.fibre),
    coverage: strip(layers.coverage),
  } as InputLayers;
}

/**
 * The operator dimension's cost: the province as shipped, the same with every `operator` removed (the
 * per-operator work then reduces to the pooled figures) and with a heavier fourth operator, run in turn after
 * warm-ups so all see the same machine; then the co-location search for each operator on a live session.
 */
export function benchOperators(layers: InputLayers, runs = 7): Row[] {
  const variants: [string, InputLayers][] = [
    ['shipped', layers],
    ['none', withoutOperators(layers)],
    ['heavy', heavyFourthOperator(layers)],
  ];
  for (let i = 0; i < 4; i++) for (const [, l] of variants) analyze(l);
  const wall: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  const phase: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    for (const [k, l] of variants) {
      const r = time(() => analyze(l));
      (wall[k] ??= []).push(r.ms);
      (cpu[k] ??= []).push(r.cpuMs);
      (phase[k] ??= []).push(r.value.timingsMs['hamlets.operators'] ?? 0);
    }
  }
  const m = (x: Record<string, number[]>, k: string): number => median(x[k] ?? []);
  const named = (l: InputLayers): string[] =>
    operatorsInLayers({ sites: l.sites }).filter((o) => o !== ANONYMOUS_OPERATOR);
  const row = (k: string, measure: string): Row =>
    progress({
      section: 'operators',
      measure,
      value: fmtMs(m(wall, k)),
      note: `median of ${runs} (CPU ${fmtMs(m(cpu, k))}), per-operator figures ${fmtMs(m(phase, k))}; ${(
        m(cpu, k) / m(cpu, 'none')
      ).toFixed(
        2,
      )}× the run without operators by CPU (${(m(wall, k) / m(wall, 'none')).toFixed(2)}× by the clock); target ≤ 1.5×`,
    });
  const rows: Row[] = [
    progress({
      section: 'operators',
      measure: 'analyze 1×, operators removed (pooled only)',
      value: fmtMs(m(wall, 'none')),
      note: `median of ${runs} (CPU ${fmtMs(m(cpu, 'none'))}), in turn with the rows below`,
    }),
    row('shipped', `analyze 1× as shipped (${named(layers).join(', ')})`),
    row('heavy', `analyze 1×, every sixth site to ${FOURTH}`),
  ];
  const ops = named(layers);
  const session = new AnalysisSession(layers);
  for (const op of ops) {
    session.colocation(op);
    const t: number[] = [];
    let last = session.colocation(op);
    for (let i = 0; i < 3; i++) {
      const r = time(() => session.colocation(op));
      t.push(r.ms);
      last = r.value;
    }
    const best = last.candidates[0];
    rows.push(
      progress({
        section: 'operators',
        measure: `co-location search for ${op}`,
        value: fmtMs(median(t)),
        note: `median of 3; ${last.sitesConsidered} host sites, ${last.discs} discs, ${last.candidates.length} candidates${
          best
            ? `; best ${best.siteId} (${best.ownerOperator}, ${best.kind}) +${Math.round(best.householdsGained)} households`
            : ''
        }`,
      }),
    );
  }
  return rows;
}
