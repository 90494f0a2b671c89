import { SCALE, areaUnits, difference, intersect } from './geometry/clip.ts';
import type { Paths64 } from './geometry/clip.ts';
import { coverageShape } from './geometry/shapes.ts';
import type { Scenario } from './scenarioTypes.ts';
import { buildCandidates } from './suggestCandidates.ts';
import type { CandidateSet } from './suggestCandidates.ts';
import { MaxHeap } from './suggestHeap.ts';
import { parseTech } from './tech.ts';
import type { AnalysisResult, Settings, SiteFeature } from './types.ts';

export interface SuggestOptions {
  /** Number of sites to place; or give `budgetVnd`. */
  count?: number;
  /** Budget: as many sites as `budgetVnd ÷ settings.cost.siteVnd` allows. */
  budgetVnd?: number;
  /** "4G" (default) or "5G". */
  tech?: string;
  /** Site reach, m; default the tech's default radius in settings. */
  radiusM?: number;
  operator?: string;
  /** Candidate grid spacing, m; default a third of the radius. */
  spacingM?: number;
  /** Stop when the best remaining site would cover fewer households (default 1). */
  minGainHouseholds?: number;
  /** Ids of existing sites, so suggestions get ids that do not clash. */
  takenIds?: Iterable<string>;
}

export interface Suggestion {
  site: SiteFeature;
  /** Uncovered households the site covers beyond the sites chosen before it. */
  gainHouseholds: number;
}

export interface SuggestResult {
  scenario: Scenario;
  suggestions: Suggestion[];
  /** Sum of the gains: households expected to gain broadband (the analysis has the exact figure). */
  households: number;
  costVnd: number;
  candidates: number;
  /** Exact gain evaluations; lazy greedy keeps it far below candidates × sites. */
  evaluations: number;
  ms: number;
}

/**
 * Propose new mobile sites that bring broadband to the most uncovered (white + weak) households: greedy
 * maximum coverage over candidate points (a point in each uncovered hamlet's gap and a grid over the gaps).
 * Each candidate's gain is exact — households per m² of each hamlet's remaining gap × the area of the gap
 * inside the site's disc, clipped with the engine's geometry — and lazy greedy (a max-heap of stale gains,
 * which only shrink as sites are chosen) re-evaluates only the candidates that reach the top. Every site
 * costs `settings.cost.siteVnd`, so the most households per cost is the most households per site, and
 * greedy gets at least 63 % of the best possible coverage (Nemhauser et al. 1978).
 *
 * @example
 * const { scenario } = suggestSites(result, settings, { count: 10, radiusM: 3000 });
 */
export function suggestSites(
  result: AnalysisResult,
  settings: Settings,
  opts: SuggestOptions,
): SuggestResult {
  const t0 = performance.now();
  const tech = opts.tech ?? '4G';
  const techs = parseTech(tech);
  const main = techs.mbb[techs.mbb.length - 1];
  if (!main) throw new Error(`suggestSites: tech "${tech}" is not mobile broadband; use "4G" or "5G".`);
  const radiusM = opts.radiusM ?? settings.defaultRadiusM[main];
  if (!(radiusM > 0))
    throw new Error(`suggestSites: radius ${radiusM} m is not a positive number of metres.`);
  const count =
    opts.count ??
    (opts.budgetVnd !== undefined ? Math.floor(opts.budgetVnd / settings.cost.siteVnd) : undefined);
  if (count === undefined || !Number.isInteger(count) || count < 0)
    throw new Error('suggestSites: give a whole number of sites (count) or a budget in VND (budgetVnd).');
  const cands = buildCandidates(result, radiusM, opts.spacingM ?? radiusM / 3);
  const discs = cands.points.map((p) => disc(cands, p.x, p.y, radiusM, settings.circleSegments));
  const minGain = opts.minGainHouseholds ?? 1;
  const heap = new MaxHeap();
  let evaluations = 0;
  const gainOf = (i: number): number => {
    evaluations++;
    return gain(cands, discs[i] as Disc);
  };
  cands.points.forEach((_, i) => {
    const g = gainOf(i);
    if (g >= minGain) heap.push(g, i);
  });
  const taken = new Set(opts.takenIds ?? []);
  const suggestions: Suggestion[] = [];
  let n = 0;
  while (suggestions.length < count && heap.size > 0) {
    const top = heap.pop() as { key: number; value: number };
    const g = gainOf(top.value);
    if (g < minGain) continue;
    // Gains only shrink, so a fresh gain still at least the next stale bound is the true maximum.
    if (g < heap.peekKey()) {
      heap.push(g, top.value);
      continue;
    }
    const d = discs[top.value] as Disc;
    cover(cands, d);
    let id: string;
    do id = `suggested-${++n}`;
    while (taken.has(id));
    const [lon, lat] = cands.proj.inverse(d.x / SCALE, d.y / SCALE);
    suggestions.push({
      site: {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [round7(lon), round7(lat)] },
        properties: {
          id,
          tech: main,
          radius_m: radiusM,
          ...(opts.operator ? { operator: opts.operator } : {}),
          proposed: true,
          suggested: true,
          gain_households: Math.round(g * 10) / 10,
        },
      },
      gainHouseholds: g,
    });
  }
  const households = suggestions.reduce((s, x) => s + x.gainHouseholds, 0);
  const label = `${suggestions.length} × ${main} ${(radiusM / 1000).toFixed(1)} km`;
  return {
    scenario: {
      id: `suggest-${suggestions.length}-${main}-${radiusM}`,
      name: `Suggested: ${label}`,
      edits: suggestions.map((s) => ({ kind: 'add-site', site: s.site })),
    },
    suggestions,
    households,
    costVnd: suggestions.length * settings.cost.siteVnd,
    candidates: cands.points.length,
    evaluations,
    ms: performance.now() - t0,
  };
}

interface Disc {
  x: number;
  y: number;
  paths: Paths64;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Squared radius of a circle certainly inside the polygon: boxes within it need no clipping. */
  inner2: number;
}

function disc(c: CandidateSet, x: number, y: number, radiusM: number, segments: number): Disc {
  const [lon, lat] = c.proj.inverse(x / SCALE, y / SCALE);
  const r = radiusM * c.proj.scaleAt(lon, lat) * SCALE;
  const [shape] = coverageShape(x, y, r, segments);
  const inner = shape?.innerRadius ?? 0;
  return {
    x,
    y,
    paths: shape ? [shape.path] : [],
    left: x - r,
    top: y - r,
    right: x + r,
    bottom: y + r,
    inner2: inner * inner,
  };
}

function hits(c: CandidateSet, d: Disc): number[] {
  return c.index ? c.index.search(d.left, d.top, d.right, d.bottom) : [];
}

function insideDisc(d: Disc, b: { left: number; top: number; right: number; bottom: number }): boolean {
  const dx = Math.max(Math.abs(b.left - d.x), Math.abs(b.right - d.x));
  const dy = Math.max(Math.abs(b.top - d.y), Math.abs(b.bottom - d.y));
  return dx * dx + dy * dy <= d.inner2;
}

function gain(c: CandidateSet, d: Disc): number {
  let g = 0;
  for (const ai of hits(c, d)) {
    const a = c.areas[ai];
    if (!a || a.paths.length === 0) continue;
    if (insideDisc(d, a.bounds)) {
      g += a.density * areaUnits(a.paths);
      continue;
    }
    const r = intersect(a.paths, d.paths, a.hamletId);
    if (r.ok) g += a.density * Math.max(0, areaUnits(r.value));
  }
  return g;
}

function cover(c: CandidateSet, d: Disc): void {
  for (const ai of hits(c, d)) {
    const a = c.areas[ai];
    if (!a || a.paths.length === 0) continue;
    if (insideDisc(d, a.bounds)) {
      a.paths = [];
      continue;
    }
    const r = difference(a.paths, d.paths, a.hamletId);
    if (r.ok) a.paths = r.value;
  }
}

function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}
