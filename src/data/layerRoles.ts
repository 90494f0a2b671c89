import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AdminProps, InputLayers } from '../analysis/types.ts';
import type { Family } from './checkGeometry.ts';
import type { CsvColumnMapping } from './types.ts';

/** Normalised property names a role can carry (docs/DATA-MODEL.md §1 column names). */
export type FieldKey =
  | 'id'
  | 'name'
  | 'households'
  | 'population'
  | 'commune'
  | 'commune_code'
  | 'district'
  | 'district_code'
  | 'code'
  | 'type'
  | 'operator'
  | 'kind'
  | 'tech'
  | 'radius_m'
  | 'azimuths'
  | 'beamwidth'
  | 'level'
  | 'count';

/** CSV columns a role can be read from (`radiusUnit` is a choice, not a column). */
export type CsvColumn = Exclude<keyof CsvColumnMapping, 'radiusUnit'>;

interface RoleSpec {
  /** 'input' layers feed the analysis; 'admin' layers are shown and rolled up by. */
  group: 'input' | 'admin';
  /** i18n key of the role's name (the import dialog's strings). */
  labelKey: string;
  /** Fields the role uses, in the order the import dialog offers them. */
  fields: readonly FieldKey[];
  /** Geometry families a feature of the role may have. */
  geometry: readonly Family[];
  /** A polygon given for a point layer becomes its centroid instead of being skipped. */
  centroidOk: boolean;
  /** Columns a CSV of this role may have (every CSV row is a point). */
  csvColumns: readonly CsvColumn[];
}

/** What the three administrative levels have in common. */
const ADMIN_SPEC = {
  group: 'admin',
  fields: ['code', 'name', 'type'],
  geometry: ['polygon'],
  centroidOk: false,
  csvColumns: ['lon', 'lat', 'id', 'name'],
} as const;

/**
 * The one table of layer roles: what each kind of layer is called, which fields and geometries it has.
 * Its order is the order roles are listed in (import dialog, project files, the sample's files).
 */
export const ROLE_TABLE = {
  hamlets: {
    group: 'input',
    labelKey: 'roles.hamlets',
    fields: [
      'id',
      'name',
      'households',
      'population',
      'commune',
      'commune_code',
      'district',
      'district_code',
    ],
    geometry: ['polygon'],
    centroidOk: false,
    csvColumns: ['lon', 'lat', 'id', 'name'],
  },
  fibre: {
    group: 'input',
    labelKey: 'roles.fibre',
    fields: ['id', 'operator', 'kind'],
    geometry: ['line', 'point'],
    centroidOk: false,
    csvColumns: ['lon', 'lat', 'id', 'operator', 'kind'],
  },
  sites: {
    group: 'input',
    labelKey: 'roles.sites',
    fields: ['id', 'name', 'operator', 'tech', 'radius_m', 'azimuths', 'beamwidth'],
    geometry: ['point'],
    centroidOk: false,
    csvColumns: ['lon', 'lat', 'id', 'name', 'operator', 'tech', 'radius', 'azimuths'],
  },
  coverage: {
    group: 'input',
    labelKey: 'roles.coverage',
    fields: ['tech', 'operator', 'level'],
    geometry: ['polygon'],
    centroidOk: false,
    csvColumns: ['lon', 'lat'],
  },
  facilities: {
    group: 'input',
    labelKey: 'roles.facilities',
    fields: ['kind', 'name', 'id'],
    geometry: ['point'],
    centroidOk: true,
    csvColumns: ['lon', 'lat', 'id', 'name', 'kind'],
  },
  households: {
    group: 'input',
    labelKey: 'roles.households',
    fields: ['count'],
    geometry: ['point'],
    centroidOk: true,
    csvColumns: ['lon', 'lat', 'count'],
  },
  /**
   * Administrative units of a one-level system (province → commune/ward since 1 July 2025, or any later
   * change): hamlets go to the unit holding most of their area (DATA-MODEL §15).
   */
  units: { ...ADMIN_SPEC, labelKey: 'roles.units' },
  communes: { ...ADMIN_SPEC, labelKey: 'roles.communes' },
  districts: { ...ADMIN_SPEC, labelKey: 'roles.districts' },
  province: { ...ADMIN_SPEC, labelKey: 'roles.province' },
} as const satisfies Record<string, RoleSpec>;

/** What a file holds; the user confirms it before import (docs/DATA-MODEL.md §1). */
export type LayerRole = keyof typeof ROLE_TABLE;
type RolesOf<G extends RoleSpec['group']> = {
  [R in LayerRole]: (typeof ROLE_TABLE)[R]['group'] extends G ? R : never;
}[LayerRole];
/** Roles of the analysis input: exactly the keys of `InputLayers`. */
export type InputRole = RolesOf<'input'>;
export type AdminRole = RolesOf<'admin'>;

export const LAYER_ROLES = Object.keys(ROLE_TABLE) as readonly LayerRole[];
export const INPUT_ROLES = LAYER_ROLES.filter((r): r is InputRole => ROLE_TABLE[r].group === 'input');
export const ADMIN_ROLES = LAYER_ROLES.filter((r): r is AdminRole => ROLE_TABLE[r].group === 'admin');

export function isLayerRole(name: string): name is LayerRole {
  return Object.hasOwn(ROLE_TABLE, name);
}
export function isAdminRole(role: LayerRole): role is AdminRole {
  return ROLE_TABLE[role].group === 'admin';
}

export type AdminCollection = FeatureCollection<Polygon | MultiPolygon, AdminProps>;
export type AdminLayers = Record<AdminRole, AdminCollection | null>;

// The table and the engine's input must name the same layers: this fails to compile when they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type _InputRolesMatch = Assert<Same<InputRole, keyof InputLayers>>;
