import { unitSplitsCsv } from '../analysis/exports.ts';
import { computeUnitSummary, type ProvinceIdentity } from '../analysis/rollups.ts';
import type { AnalysisResult, InputLayers } from '../analysis/types.ts';
import {
  assignUnits,
  outsideHamlets,
  OVERLAP_TOLERANCE,
  unitOverlaps,
  type HamletUnit,
  type UnitAssignment,
  type UnitCollection,
} from '../analysis/units.ts';
import { CliError } from './errors.ts';
import { readLayer, type ReadOptions } from './readLayers.ts';

/** What `analyze --units` writes besides the usual files. */
export const UNITS_OUTPUT_FILES = ['unit-splits.csv'] as const;

const SHOWN = 5;

/** The hamlets' units from `--units FILE`, and what they add to the outputs. */
export interface UnitsRun {
  assignment: UnitAssignment;
  byId: ReadonlyMap<string, HamletUnit>;
}

/**
 * Reads `--units FILE` (polygons with `code` and `name`; reprojected as other inputs are) and assigns each
 * hamlet to the unit holding most of its area. Refuses, naming the file, the features and the fix: a unit
 * without code or name, and units that overlap each other beyond `OVERLAP_TOLERANCE`. Hamlets outside
 * every unit are warned about and keep an empty unit_code.
 *
 * @example
 * const units = await readUnitsRun('xa-2025.geojson', layers.hamlets, read);
 */
export async function readUnitsRun(
  path: string,
  hamlets: InputLayers['hamlets'],
  read: ReadOptions,
): Promise<UnitsRun> {
  const fc = (await readLayer(path, 'units', { ...read, refuseSkipped: true })) as UnitCollection;
  const overlaps = unitOverlaps(fc);
  if (overlaps.length > 0) {
    const lines = overlaps
      .slice(0, SHOWN)
      .map(
        (o) =>
          `  ${o.a.code} ${o.a.name} and ${o.b.code} ${o.b.name}: ${Math.round(o.areaM2).toLocaleString('en')} m² ` +
          `(${(o.share * 100).toFixed(1)} % of the smaller)`,
      );
    if (overlaps.length > SHOWN) lines.push(`  … and ${overlaps.length - SHOWN} more pairs.`);
    throw new CliError(
      `${path} (--units): ${overlaps.length} pair${overlaps.length === 1 ? '' : 's'} of units overlap by more than ` +
        `${OVERLAP_TOLERANCE * 100} % of the smaller one, so their hamlets would be counted in whichever is larger there:\n` +
        `${lines.join('\n')}\n  What to do: fix the boundaries so that units only touch (each piece of land in one unit).`,
    );
  }
  let assignment: UnitAssignment;
  try {
    assignment = assignUnits(hamlets, fc);
  } catch (e) {
    if (e instanceof Error && e.name === 'AnalysisInputError')
      throw new CliError(`${path} (--units): ${e.message}`);
    throw e;
  }
  for (const w of assignment.warnings) read.warn(`${path}: ${w}`);
  const outside = outsideHamlets(assignment);
  const none = outside.filter((h) => h.method === 'none');
  const placed = outside.filter((h) => h.method !== 'none');
  if (placed.length > 0)
    read.warn(
      `${path}: ${placed.length} hamlet${placed.length === 1 ? '' : 's'} overlap${placed.length === 1 ? 's' : ''} no unit; ` +
        `given the unit their commune became or the nearest within 1 km (see unit-splits.csv): ` +
        placed
          .slice(0, SHOWN)
          .map((h) => `${h.id} → ${h.code} (${h.method}, ${Math.round(h.distanceM ?? 0)} m)`)
          .join(', ') +
        (placed.length > SHOWN ? ', …' : '') +
        '.',
    );
  if (none.length > 0)
    read.warn(
      `${path}: ${none.length} hamlet${none.length === 1 ? ' lies' : 's lie'} outside every unit (unit_code left empty; ` +
        `summary row "(unknown)"): ${none
          .slice(0, SHOWN)
          .map((h) => `${h.id} ${h.name}`)
          .join(', ')}${none.length > SHOWN ? ', …' : ''}. Check that the units cover the hamlets.`,
    );
  return { assignment, byId: new Map(assignment.hamlets.map((h) => [h.id, h])) };
}

/** The summary by unit (province → unit) and the split report, in place of the by-district summary. */
export function unitsOutputs(
  run: UnitsRun,
  result: AnalysisResult,
  province: ProvinceIdentity | null,
): { result: AnalysisResult; files: Record<(typeof UNITS_OUTPUT_FILES)[number], string> } {
  const unitOf = (id: string) => {
    const u = run.byId.get(id);
    return u && u.code !== '' ? { code: u.code, name: u.unitName } : undefined;
  };
  const summary = computeUnitSummary(
    result.hamlets,
    result.summary.settings,
    unitOf,
    province ?? { code: result.summary.province.code, name: result.summary.province.name },
  );
  return { result: { ...result, summary }, files: { 'unit-splits.csv': unitSplitsCsv(run.assignment) } };
}
