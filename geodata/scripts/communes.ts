import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { cleanPolygonal } from './geom.ts';

/** What the generator needs to know about one commune (xã, phường, thị trấn). */
export interface CommuneProps {
  code: string;
  name: string;
  /** 'Xã', 'Phường' or 'Thị trấn'; it chooses how hamlets are named and how dense the sites are. */
  type: string;
  district_code: string;
  district: string;
  households: number;
  population: number;
}
export type CommuneFeature = Feature<Polygon | MultiPolygon, CommuneProps>;

function text(v: unknown): string | null {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function count(v: unknown): number | null {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

/**
 * Checks and normalises a commune layer. Census fields may be named `households` / `population` or, as in
 * the shared sources, `households_2019` / `pop_2019`. Throws one error listing every problem, naming the
 * file, the feature and the fix.
 */
export function readCommunes(fc: FeatureCollection, file: string): CommuneFeature[] {
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`${file}: not a GeoJSON FeatureCollection; export the commune layer as GeoJSON.`);
  }
  const problems: string[] = [];
  const out: CommuneFeature[] = [];
  const seen = new Set<string>();
  fc.features.forEach((f, i) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const label = `feature #${i}${text(p.name) ? ` (${text(p.name)})` : ''}`;
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      problems.push(
        `${label}: geometry is ${g ? g.type : 'missing'}; communes must be Polygon or MultiPolygon.`,
      );
      return;
    }
    const code = text(p.code);
    const name = text(p.name);
    const households = count(p.households ?? p.households_2019);
    const population = count(p.population ?? p.pop_2019);
    const missing: string[] = [];
    if (!code) missing.push('code');
    if (!name) missing.push('name');
    if (!text(p.district_code)) missing.push('district_code');
    if (!text(p.district)) missing.push('district');
    if (households === null) missing.push('households (a whole number, or households_2019)');
    if (population === null) missing.push('population (a whole number, or pop_2019)');
    if (missing.length > 0 || !code || !name || households === null || population === null) {
      problems.push(
        `${label}: missing or invalid ${missing.join(', ')}; add them to the feature's properties.`,
      );
      return;
    }
    if (seen.has(code)) problems.push(`${label}: code ${code} is used twice; commune codes must be unique.`);
    seen.add(code);
    out.push({
      type: 'Feature',
      properties: {
        code,
        name,
        type: text(p.type) ?? 'Xã',
        district_code: text(p.district_code) ?? '',
        district: text(p.district) ?? '',
        households,
        population,
      },
      geometry: cleanPolygonal(g),
    });
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('\n  ');
    const more = problems.length > 10 ? `\n  …and ${problems.length - 10} more` : '';
    throw new Error(`${file}: ${problems.length} commune(s) cannot be used:\n  ${shown}${more}`);
  }
  return out;
}
