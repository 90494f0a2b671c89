import type { Feature, LineString, Point } from 'geojson';
import { AnalysisSession } from '../../src/analysis/incremental.ts';
import { ScenarioSession } from '../../src/analysis/scenarioSession.ts';
import { withDefaults } from '../../src/analysis/settings.ts';
import type { FibreProps, InputLayers, Settings, SiteProps } from '../../src/analysis/types.ts';
import { rng } from './synthetic.ts';
import { fmtMs, median, progress, time } from './stats.ts';
import type { Row } from './stats.ts';

/**
 * What-if edits on a live session: add a site, remove it again, add a fibre route; medians over `reps`
 * random places. `edit` is the engine's recomputation, `total` adds re-ranking and roll-ups of all hamlets.
 */
export function benchIncremental(layers: InputLayers, reps = 15): Row[] {
  const session = new AnalysisSession(layers);
  const r = rng(42);
  // Edits land where planners make them: at a random hamlet (a random point of the bounding box would
  // mostly fall in the sea or outside the province and touch nothing).
  const at = (): [number, number] => {
    const f = layers.hamlets.features[Math.floor(r() * layers.hamlets.features.length)];
    const ring = f?.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f?.geometry.coordinates[0]?.[0];
    const p = ring?.[0] ?? [0, 0];
    return [p[0] as number, p[1] as number];
  };
  const add: number[] = [];
  const remove: number[] = [];
  const fibre: number[] = [];
  const touched: number[] = [];
  const rank: number[] = [];
  for (let i = 0; i < reps; i++) {
    const site: Feature<Point, SiteProps> = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: at() },
      properties: { id: `bench-site-${i}`, tech: '4G' },
    };
    const a = time(() => session.addSite(site));
    add.push(a.ms);
    touched.push(a.value.changedHamletIds.length);
    rank.push(a.value.result.timingsMs.rankAndSummary ?? 0);
    remove.push(time(() => session.removeSite(`bench-site-${i}`)).ms);
    const [x, y] = at();
    const line: Feature<LineString, FibreProps> = {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [x, y],
          [x + 0.015, y + 0.01],
        ],
      },
      properties: { id: `bench-fibre-${i}`, kind: 'access' },
    };
    fibre.push(time(() => session.addFibre(line)).ms);
  }
  const rankOnly = median(rank);
  const rows: Row[] = [
    {
      section: 'what-if',
      measure: 'add one 4G site (3 km)',
      value: fmtMs(median(add)),
      note: `median of ${reps}, ${median(touched)} hamlets changed; of which ranking + roll-ups of all hamlets ${rankOnly.toFixed(1)} ms`,
    },
    { section: 'what-if', measure: 'remove that site', value: fmtMs(median(remove)), note: 'target ≤ 20 ms' },
    {
      section: 'what-if',
      measure: 'add a ~2 km fibre route',
      value: fmtMs(median(fibre)),
      note: 'target ≤ 50 ms',
    },
    ...benchRerank(layers, reps),
  ];
  return rows.map(progress);
}

/**
 * A new ranking preset on a live session (`ScenarioSession.reranked`, what the analysis worker does for a
 * settings change of the ranking or the costs alone), beside a new analysis with those settings.
 */
function benchRerank(layers: InputLayers, reps: number): Row[] {
  const presets = [withDefaults({ preset: 'commercial' }), withDefaults({ preset: 'equity' })];
  const full: number[] = [];
  for (let i = 0; i < 3; i++) full.push(time(() => new ScenarioSession(layers, presets[i % 2])).ms);
  let session = new ScenarioSession(layers, presets[1]);
  const rerank: number[] = [];
  for (let i = 0; i < reps; i++) {
    const next = presets[i % 2] as Settings;
    rerank.push(time(() => (session = session.reranked(layers, next))).ms);
  }
  return [
    {
      section: 'what-if',
      measure: 'new ranking preset → result, re-ranked',
      value: fmtMs(median(rerank)),
      note: `median of ${reps}; a new analysis with that preset ${fmtMs(median(full))} (median of 3)`,
    },
  ];
}
