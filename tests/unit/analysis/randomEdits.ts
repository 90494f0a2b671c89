import fc from 'fast-check';
import type { Feature, LineString } from 'geojson';
import { analyze } from '../../../src/analysis/analyze.ts';
import type { AnalysisSession } from '../../../src/analysis/incremental.ts';
import type { AnalysisResult, FibreFeature, FibreProps, InputLayers } from '../../../src/analysis/types.ts';
import { ll, site } from './helpers.ts';

/** One random what-if edit, for property tests of the incremental engine against a full run. */
export type Edit =
  | { op: 'addSite'; x: number; y: number; r: number; tech: string; operator?: string }
  | { op: 'removeSite'; pick: number }
  | { op: 'toggle'; pick: number }
  | {
      op: 'addFibre';
      x: number;
      y: number;
      dx: number;
      dy: number;
      kind: 'access' | 'backbone';
      operator?: string;
    }
  | { op: 'removeFibre'; pick: number };

type Range = { min: number; max: number };

/**
 * Edits placed within the given ranges (metres): sites at `site`, fibre starting at `fibre`. With `operators`,
 * added sites and fibre get one of them ('' for none); without, they name none.
 */
export function editArb(
  site: { x: Range; y: Range },
  fibre: { x: Range; y: Range },
  operators?: fc.Arbitrary<string>,
): fc.Arbitrary<Edit> {
  const siteFields = {
    op: fc.constant('addSite' as const),
    x: fc.integer(site.x),
    y: fc.integer(site.y),
    r: fc.integer({ min: 200, max: 2500 }),
    tech: fc.constantFrom('4G', '2G', '2G,4G', '5G'),
  };
  const fibreFields = {
    op: fc.constant('addFibre' as const),
    x: fc.integer(fibre.x),
    y: fc.integer(fibre.y),
    dx: fc.integer({ min: -3000, max: 3000 }),
    dy: fc.integer({ min: -3000, max: 3000 }),
    kind: fc.constantFrom('access' as const, 'backbone' as const),
  };
  return fc.oneof(
    operators ? fc.record({ ...siteFields, operator: operators }) : fc.record(siteFields),
    fc.record({ op: fc.constant('removeSite' as const), pick: fc.nat() }),
    fc.record({ op: fc.constant('toggle' as const), pick: fc.nat() }),
    operators ? fc.record({ ...fibreFields, operator: operators }) : fc.record(fibreFields),
    fc.record({ op: fc.constant('removeFibre' as const), pick: fc.nat() }),
  );
}

/** A route (access unless told) through points given in metres; `operator` when given and not empty. */
export function route(
  id: string,
  pts: number[][],
  operator?: string,
  kind: 'access' | 'backbone' = 'access',
): FibreFeature {
  const f: Feature<LineString, FibreProps> = {
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: pts.map(([x, y]) => ll(x as number, y as number)) },
    properties: { id, kind, ...(operator ? { operator } : {}) },
  };
  return f;
}

/** Apply the edits to the session in order (removals and toggles pick among the sites and fibre it has). */
export function applyEdits(session: AnalysisSession, edits: readonly Edit[]): void {
  let n = 0;
  for (const e of edits) {
    const { sites, fibre } = session.layers();
    if (e.op === 'addSite') {
      const op = e.operator ? { operator: e.operator } : {};
      session.addSite(site(`new${n++}`, e.x, e.y, { tech: e.tech, radius_m: e.r, ...op }));
    } else if (e.op === 'removeSite' && sites.length > 0)
      session.removeSite(String(sites[e.pick % sites.length]?.properties.id));
    else if (e.op === 'toggle' && sites.length > 0) {
      const s = sites[e.pick % sites.length];
      session.setSiteStatus(String(s?.properties.id), s?.properties.status === 'off' ? 'on' : 'off');
    } else if (e.op === 'addFibre') {
      const pts = [
        [e.x, e.y],
        [e.x + e.dx, e.y + e.dy],
      ];
      session.addFibre(route(`nf${n++}`, pts, e.operator, e.kind));
    } else if (e.op === 'removeFibre' && fibre.length > 0)
      session.removeFibre(String(fibre[e.pick % fibre.length]?.properties.id));
  }
}

/** A full `analyze` of the session's edited layers: what the incremental result must equal. */
export function fullRun(base: InputLayers, session: AnalysisSession): AnalysisResult {
  const { sites, fibre } = session.layers();
  return analyze({
    ...base,
    sites: { type: 'FeatureCollection', features: sites },
    fibre: { type: 'FeatureCollection', features: fibre },
  });
}
