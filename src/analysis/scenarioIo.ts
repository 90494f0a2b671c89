import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { csvText, type CsvCell } from './csv.ts';
import { fibreLengthKm } from './scenarioLength.ts';
import { ScenarioError } from './scenario.ts';
import type { Scenario, ScenarioEdit } from './scenarioTypes.ts';
import { parseTech } from './tech.ts';
import type { FibreFeature, FibreProps, Settings, SiteFeature, SiteProps } from './types.ts';

/**
 * A scenario as GeoJSON, one feature per edit, in the format the CLI's `--scenario` reads back: proposed sites
 * are Points (`tech`, `radius_m`, `operator`, `proposed: true`), proposed fibre LineStrings, a switched-off
 * site a Point with its `id` and `status: "off"`. Each feature also says its `edit` kind, `length_km` (fibre)
 * and `cost_vnd` (settings' unit costs, drops excluded: they depend on the analysis).
 *
 * @example
 * const fc = scenarioToGeoJson(scenario, settings);
 * parseScenarioGeoJson(fc, 'proposals.geojson').edits.length === scenario.edits.length;
 */
export function scenarioToGeoJson(scenario: Scenario, settings: Settings): FeatureCollection {
  return {
    type: 'FeatureCollection',
    name: scenario.name,
    features: scenario.edits.map((e) => editFeature(e, settings)),
  } as FeatureCollection;
}

function editFeature(e: ScenarioEdit, settings: Settings): Feature {
  if (e.kind === 'add-site') {
    return {
      type: 'Feature',
      geometry: e.site.geometry,
      properties: { ...e.site.properties, proposed: true, edit: e.kind, cost_vnd: settings.cost.siteVnd },
    };
  }
  if (e.kind === 'add-fibre') {
    const km = fibreLengthKm(e.fibre);
    return {
      type: 'Feature',
      geometry: e.fibre.geometry,
      properties: {
        ...e.fibre.properties,
        proposed: true,
        edit: e.kind,
        length_km: round(km, 3),
        cost_vnd: Math.round(km * settings.cost.fibrePerKmVnd),
      },
    };
  }
  return {
    type: 'Feature',
    geometry: e.at ? { type: 'Point', coordinates: e.at } : null,
    properties: { id: e.siteId, status: 'off', edit: e.kind, cost_vnd: 0 },
  } as Feature;
}

const CSV_HEADER = [
  'edit',
  'id',
  'operator',
  'tech',
  'radius_m',
  'kind',
  'lon',
  'lat',
  'length_km',
  'cost_vnd',
  'scenario',
];

/**
 * A scenario's proposals as CSV through the one writer (UTF-8 with BOM, CRLF, RFC 4180 quoting, ids and
 * operators guarded against formulas): one row per edit, a fibre row with its first vertex and its length,
 * each row naming the scenario.
 */
export function scenarioToCsv(scenario: Scenario, settings: Settings): string {
  const rows = scenarioToGeoJson(scenario, settings).features.map((f): CsvCell[] => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const at = firstPosition(f.geometry);
    return [
      cell(p.edit),
      cell(p.id),
      cell(p.operator),
      cell(p.tech),
      cell(p.radius_m),
      cell(p.kind),
      at ? round(at[0] as number, 7) : null,
      at ? round(at[1] as number, 7) : null,
      cell(p.length_km),
      cell(p.cost_vnd),
      scenario.name,
    ];
  });
  return csvText(CSV_HEADER, rows);
}

/**
 * Read a proposals file (parsed JSON or its text): Points are proposed sites (tech defaults to "4G"), Points
 * with `status: "off"` switch off the existing site with that `id`, LineStrings and MultiLineStrings are
 * proposed fibre. Proposals without an id get `proposed-site-N` / `proposed-fibre-N`.
 *
 * @throws ScenarioError naming the file, the feature and the fix.
 */
export function parseScenarioGeoJson(input: unknown, fileName: string, name?: string): Scenario {
  let doc = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new ScenarioError(
        `${fileName}: is not valid JSON (${(e as Error).message}); save it as GeoJSON.`,
      );
    }
  }
  const fc = doc as { type?: unknown; features?: unknown; name?: unknown };
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new ScenarioError(
      `${fileName}: is not a GeoJSON FeatureCollection; a scenario file holds proposed sites (Points), fibre (LineStrings) and sites to switch off (Points with "id" and "status": "off").`,
    );
  }
  let sites = 0;
  let fibres = 0;
  const edits = (fc.features as unknown[]).map((raw, i): ScenarioEdit => {
    const f = raw as Feature<Geometry | null, Record<string, unknown> | null>;
    const props = f?.properties && typeof f.properties === 'object' ? { ...f.properties } : {};
    const where = `${fileName}: feature #${i + 1}${props.id !== undefined ? ` (id "${String(props.id)}")` : ''}`;
    delete props.edit;
    delete props.cost_vnd;
    delete props.length_km;
    const g = f?.geometry;
    if (g?.type === 'Point' && validPos(g.coordinates)) {
      const id = props.id ?? f.id;
      if (String(props.status ?? '').toLowerCase() === 'off') {
        if (id === undefined || id === null || id === '')
          throw new ScenarioError(
            `${where} switches a site off but has no "id"; give the id of the site in the sites layer.`,
          );
        return { kind: 'site-off', siteId: String(id), at: g.coordinates.slice(0, 2) };
      }
      const tech = props.tech ?? '4G';
      const t = parseTech(tech);
      if (t.mbb.length + t.legacy.length === 0)
        throw new ScenarioError(
          `${where} has an unknown tech "${String(tech)}"; use e.g. "4G", "5G" or "2G,3G,4G".`,
        );
      if (props.radius_m !== undefined && !(typeof props.radius_m === 'number' && props.radius_m > 0))
        throw new ScenarioError(
          `${where} has radius_m ${JSON.stringify(props.radius_m)}; give a positive number of metres or leave it out.`,
        );
      sites++;
      const siteProps = {
        ...props,
        id: String(id ?? `proposed-site-${sites}`),
        tech: String(tech),
        proposed: true,
      } as SiteProps;
      const site: SiteFeature = {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: g.coordinates.slice(0, 2) },
        properties: siteProps,
      };
      return { kind: 'add-site', site };
    }
    if (
      (g?.type === 'LineString' && g.coordinates.length >= 2 && g.coordinates.every(validPos)) ||
      (g?.type === 'MultiLineString' &&
        g.coordinates.length > 0 &&
        g.coordinates.every((l) => l.length >= 2 && l.every(validPos)))
    ) {
      if (props.kind !== undefined && props.kind !== 'access' && props.kind !== 'backbone')
        throw new ScenarioError(
          `${where} has fibre kind "${String(props.kind)}"; use "access" or "backbone".`,
        );
      fibres++;
      const id = String(props.id ?? f.id ?? `proposed-fibre-${fibres}`);
      const fibre: FibreFeature = {
        type: 'Feature',
        geometry: g,
        properties: { ...props, id, proposed: true } as FibreProps,
      };
      return { kind: 'add-fibre', fibre };
    }
    throw new ScenarioError(
      `${where} has ${g ? `an invalid ${g.type}` : 'no geometry'}; scenario features are Points (sites) or LineStrings (fibre) in WGS84 longitude/latitude.`,
    );
  });
  const label = name ?? (typeof fc.name === 'string' && fc.name ? fc.name : fileName.replace(/^.*[\\/]/, ''));
  return { id: label, name: label, edits };
}

function validPos(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1]) &&
    Math.abs(p[0] as number) <= 180 &&
    Math.abs(p[1] as number) <= 90
  );
}

function firstPosition(g: Geometry | null): Position | null {
  if (!g) return null;
  if (g.type === 'Point') return g.coordinates;
  if (g.type === 'LineString') return g.coordinates[0] ?? null;
  if (g.type === 'MultiLineString') return g.coordinates[0]?.[0] ?? null;
  return null;
}

function round(v: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}

/** A property as a CSV cell: numbers stay numbers, lists are joined with ";", anything else is text. */
function cell(v: unknown): CsvCell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return v;
  return Array.isArray(v) ? v.join(';') : String(v);
}
