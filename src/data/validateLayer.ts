import { bbox } from '@turf/bbox';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { checkGeometry } from './checkGeometry.ts';
import { ROLE_TABLE, type LayerRole } from './layerRoles.ts';
import { throwIfAborted } from './LoadError.ts';
import { normaliseProps } from './normaliseProps.ts';
import { guessFields } from './roles.ts';
import { isMeasuredRole, normaliseMeasured } from './speedTests.ts';
import type { FieldMapping, Issue, RawFeature, ValidationReport } from './types.ts';

const NEEDS_ID: ReadonlySet<LayerRole> = new Set(['hamlets']);

export interface ValidateOptions {
  fields?: FieldMapping;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** Where each feature came from, when not the n-th feature (CSV rows): the index and words for issues. */
  origins?: { index: number; label: string }[];
  /**
   * The hamlets' extent [west, south, east, north]: a speed test or field report outside it is kept with a
   * warning, since it will count in no hamlet.
   */
  extent?: [number, number, number, number];
}

export interface Validated {
  collection: FeatureCollection;
  report: ValidationReport;
}

/**
 * The pure validator: checks every feature of a raw layer for its role, repairs what is safe,
 * skips the rest, and normalises properties (docs/DATA-MODEL.md §1). Never throws on bad features;
 * every skipped, repaired or doubtful feature is listed with what to do.
 *
 * @example
 * const { collection, report } = validateLayer(fc, 'hamlets', 'thon.geojson');
 * report.skipped[0]?.message // 'thon.geojson: feature 3 (id T03, "Thôn Đông"): has no geometry'
 */
export function validateLayer(
  fc: unknown,
  role: LayerRole,
  fileName: string,
  options: ValidateOptions = {},
): Validated {
  const rawFeatures = featuresOf(fc);
  const fields = { ...guessFields({ features: rawFeatures }, role), ...options.fields };
  const report: ValidationReport = {
    file: fileName,
    role,
    total: rawFeatures.length,
    imported: 0,
    skipped: [],
    repaired: [],
    warnings: [],
  };
  const features: Feature[] = [];
  const seenIds = new Map<string, number>();
  const seenCodes = new Map<string, number>();
  // GeoJSON may carry ids on the Feature itself rather than in its properties.
  const useFeatureIds = fields.id === undefined && rawFeatures.some((f) => topLevelId(f) !== undefined);
  const generateIds = NEEDS_ID.has(role) && fields.id === undefined && !useFeatureIds;
  if (generateIds && rawFeatures.length > 0) {
    report.warnings.push({
      index: -1,
      message: `${fileName}: no id column was found; hamlets were given ids from their position (${idPrefix(fileName)}-1, -2, …).`,
      fix: 'Choose which column holds the hamlet code (mã thôn) so results can be matched to your records.',
    });
  }
  const step = Math.max(1, Math.floor(rawFeatures.length / 50));
  rawFeatures.forEach((raw, index) => {
    if (index % step === 0) {
      throwIfAborted(options.signal);
      options.onProgress?.(index / rawFeatures.length);
    }
    const obj =
      typeof raw === 'object' && raw !== null && !Array.isArray(raw)
        ? (raw as Record<string, unknown>)
        : null;
    const rawProps = obj?.properties;
    const props =
      typeof rawProps === 'object' && rawProps !== null && !Array.isArray(rawProps)
        ? (rawProps as Record<string, unknown>)
        : {};
    const label = labelOf(props, fields, obj?.id);
    const issue = (message: string, fix: string): Issue => ({
      index: options.origins?.[index]?.index ?? index,
      ...(label.id !== undefined ? { id: label.id } : {}),
      ...(label.name !== undefined ? { name: label.name } : {}),
      message: `${fileName}: ${options.origins?.[index]?.label ?? `feature ${index + 1}`}${describe(label)}: ${message}.`,
      fix,
    });
    if (!obj || obj.type !== 'Feature') {
      const what = obj ? `an object of type "${String(obj.type)}"` : (JSON.stringify(raw) ?? String(raw));
      report.skipped.push(
        issue(
          `is ${what.slice(0, 60)}, not a Feature`,
          'Each entry in "features" must be {"type": "Feature", "geometry": …, "properties": …}.',
        ),
      );
      return;
    }
    if (
      rawProps !== undefined &&
      rawProps !== null &&
      (typeof rawProps !== 'object' || Array.isArray(rawProps))
    ) {
      report.warnings.push(
        issue(
          'has "properties" that are not an object; ignored them',
          'Write properties as {"name": value}.',
        ),
      );
    }
    const checked = checkGeometry(obj.geometry, ROLE_TABLE[role].geometry, ROLE_TABLE[role].centroidOk);
    // A skipped feature lists only why it was skipped, not repairs made on the way.
    for (const p of checked.problems.filter((q) => checked.geometry !== null || q.severity === 'skip')) {
      const target =
        p.severity === 'skip' ? report.skipped : p.severity === 'repair' ? report.repaired : report.warnings;
      target.push(issue(p.message, p.fix));
    }
    if (!checked.geometry) return;
    const outcome = isMeasuredRole(role)
      ? normaliseMeasured(props, role, fields)
      : normaliseProps(props, role, fields);
    for (const w of outcome.warnings) report.warnings.push(issue(w.message, w.fix));
    if (outcome.skip) {
      report.skipped.push(issue(outcome.skip.message, outcome.skip.fix));
      return;
    }
    const out = outcome.props;
    if (options.extent && isMeasuredRole(role) && !meets(checked.geometry, options.extent)) {
      const [w, s, e, n] = options.extent.map((v) => v.toFixed(3));
      report.warnings.push(
        issue(
          `lies outside the hamlets (${w}–${e} E, ${s}–${n} N); it is kept but counts in no hamlet`,
          'Check its coordinates (longitude and latitude the wrong way round?), or that the file is for this area.',
        ),
      );
    }
    if (role === 'fieldReports' && out.id === undefined) out.id = `${idPrefix(fileName)}-${index + 1}`;
    if (generateIds) out.id = `${idPrefix(fileName)}-${index + 1}`;
    else if (useFeatureIds && out.id === undefined) {
      const fid = topLevelId(obj);
      if (fid !== undefined) out.id = fid;
    }
    if (NEEDS_ID.has(role) || (typeof out.id === 'string' && role !== 'facilities')) {
      const id = typeof out.id === 'string' ? out.id : undefined;
      if (id === undefined) {
        report.skipped.push(
          issue(
            `has no id (column "${fields.id ?? 'id'}" is empty)`,
            `Fill in "${fields.id ?? 'id'}" for this feature; ids must be unique.`,
          ),
        );
        return;
      }
      const first = seenIds.get(id);
      if (first !== undefined) {
        report.skipped.push(
          issue(
            `has the same id "${id}" as feature ${first + 1}; kept the first`,
            'Give every feature its own id.',
          ),
        );
        return;
      }
      seenIds.set(id, index);
    }
    if (role === 'hamlets' && out.name === undefined) {
      out.name = out.id;
      report.warnings.push(
        issue(
          'has no name; used its id as the name',
          `Fill in "${fields.name ?? 'name'}" or choose the name column.`,
        ),
      );
    }
    if (role === 'communes' || role === 'districts' || role === 'province') {
      const code = String(out.code);
      const first = seenCodes.get(code);
      if (first !== undefined) {
        report.skipped.push(
          issue(`has the same code "${code}" as feature ${first + 1}`, 'Give every unit its own code.'),
        );
        return;
      }
      seenCodes.set(code, index);
    }
    features.push({ type: 'Feature', properties: out, geometry: checked.geometry });
  });
  report.imported = features.length;
  options.onProgress?.(1);
  return { collection: { type: 'FeatureCollection', features }, report };
}

/** Whether a geometry's bounding box meets [west, south, east, north]. */
function meets(g: Geometry, [w, s, e, n]: [number, number, number, number]): boolean {
  const [minX, minY, maxX, maxY] = bbox(g);
  return maxX >= w && minX <= e && maxY >= s && minY <= n;
}

function featuresOf(fc: unknown): RawFeature[] {
  if (Array.isArray(fc)) return fc;
  if (typeof fc === 'object' && fc !== null && Array.isArray((fc as { features?: unknown }).features)) {
    return (fc as { features: unknown[] }).features;
  }
  return [];
}

function topLevelId(f: unknown): string | undefined {
  const id = typeof f === 'object' && f !== null ? (f as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.trim() !== ''
    ? id.trim()
    : typeof id === 'number'
      ? String(id)
      : undefined;
}

function idPrefix(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]*$/, '') || 'feature';
}

function labelOf(
  props: Record<string, unknown>,
  fields: FieldMapping,
  featureId: unknown,
): { id?: string; name?: string } {
  const pick = (v: unknown): string | undefined =>
    typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
  const id = pick(props[fields.id ?? 'id']) ?? pick(props[fields.code ?? 'code']) ?? pick(featureId);
  const name = pick(props[fields.name ?? 'name']);
  return { ...(id !== undefined ? { id } : {}), ...(name !== undefined ? { name } : {}) };
}

function describe(label: { id?: string; name?: string }): string {
  const parts = [
    label.id !== undefined ? `id ${label.id}` : '',
    label.name !== undefined ? `"${label.name}"` : '',
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
