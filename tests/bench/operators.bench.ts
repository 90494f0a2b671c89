import type { Feature, FeatureCollection } from 'geojson';
import { analyze } from '../../src/analysis/analyze.ts';
import { AnalysisSession } from '../../src/analysis/incremental.ts';
import { operatorsInLayers } from '../../src/analysis/operatorNames.ts';
import type { InputLayers } from '../../src/analysis/types.ts';
import { fmtMs, median, progress, time } from './stats.ts';
import type { Row } from './stats.ts';

const FOURTH = 'Vietnamobile';

/**
 * The province with four mobile operators: the shipped sites as they are when they have four or more,
 * else every sixth site (by position in the file) handed to a fourth, smaller operator.
 */
export function fourOperators(layers: InputLayers): InputLayers {
  const found = operatorsInLayers({ sites: layers.sites }).length;
  if (found >= 4 || !layers.sites) return layers;
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
 * The operator dimension's cost: the province with four operators against the same data with no operators
 * (the per-operator work then reduces to the pooled figures), run alternately after warm-ups so both see the
 * same machine; then the co-location search for each operator on a live session.
 */
export function benchOperators(layers: InputLayers, runs = 7): Row[] {
  const four = fourOperators(layers);
  const none = withoutOperators(four);
  for (let i = 0; i < 6; i++) {
    analyze(four);
    analyze(none);
  }
  const wall = { four: [] as number[], none: [] as number[] };
  const cpu = { four: [] as number[], none: [] as number[] };
  const phase: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = time(() => analyze(four));
    const b = time(() => analyze(none));
    wall.four.push(a.ms);
    cpu.four.push(a.cpuMs);
    wall.none.push(b.ms);
    cpu.none.push(b.cpuMs);
    phase.push(a.value.timingsMs['hamlets.operators'] ?? 0);
  }
  const ops = operatorsInLayers({ sites: four.sites }).filter((o) => o !== '(no operator)');
  const rows: Row[] = [
    progress({
      section: 'operators',
      measure: `analyze 1× with ${ops.length} operators (${ops.join(', ')})`,
      value: fmtMs(median(wall.four)),
      note: `median of ${runs} (CPU ${fmtMs(median(cpu.four))}); of which per-operator figures ${fmtMs(median(phase))}`,
    }),
    progress({
      section: 'operators',
      measure: 'analyze 1×, the same without operators (pooled only)',
      value: fmtMs(median(wall.none)),
      note: `median of ${runs} (CPU ${fmtMs(median(cpu.none))}), alternating with the row above`,
    }),
    progress({
      section: 'operators',
      measure: 'with / without operators',
      value: `${(median(cpu.four) / median(cpu.none)).toFixed(2)}×`,
      note: `CPU time (wall ${(median(wall.four) / median(wall.none)).toFixed(2)}×); target ≤ 1.5×`,
    }),
  ];
  const session = new AnalysisSession(four);
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
