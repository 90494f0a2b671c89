import type { LayerRole } from './layerRoles.ts';
import type { FieldMapping } from './types.ts';

export interface PropOutcome {
  props: Record<string, unknown>;
  /** A reason to skip the feature (a required field missing). */
  skip?: { message: string; fix: string };
  warnings: { message: string; fix: string }[];
}

const TECH_ALIASES: [RegExp, string][] = [
  [/\b(5g|nr)\b/i, '5G'],
  [/\b(4g|lte)\b/i, '4G'],
  [/\b(3g|umts|wcdma|hspa\+?)\b/i, '3G'],
  [/\b(2g|gsm|edge|gprs)\b/i, '2G'],
];

/** "LTE/UMTS" → "3G,4G"; unknown text → null. */
export function normaliseTech(v: unknown): string | null {
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const s = String(v)
    .replace(/[/;+|&]/g, ',')
    .replace(/-/g, ' ');
  const found = new Set<string>();
  for (const part of s.split(',')) for (const [re, tech] of TECH_ALIASES) if (re.test(part)) found.add(tech);
  return found.size ? [...found].sort().join(',') : null;
}

/** Reads a count that may be text, with Vietnamese thousands dots ("1.234") or spaces. */
export function readCount(v: unknown): number | null | 'bad' {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : 'bad';
  if (typeof v !== 'string') return 'bad';
  const s = v.trim().replace(/\s/g, '');
  if (s === '') return null;
  if (/^\d{1,3}([.,]\d{3})+$/.test(s)) return Number(s.replace(/[.,]/g, ''));
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : 'bad';
}

function text(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

const FACILITY_KINDS: [RegExp, string][] = [
  [/school|truong|trường|mầm non|mam non|tiểu học|thcs|thpt/i, 'school'],
  [/health|clinic|hospital|y tế|y te|bệnh viện|benh vien|trạm xá/i, 'health'],
  [/commune.?office|ubnd|ủy ban|uy ban|townhall|town_hall/i, 'commune_office'],
];

/**
 * Builds the role's normalised properties (docs/DATA-MODEL.md §1) from the source ones: all source
 * properties are kept, and the mapped fields are written under their standard names and types.
 */
export function normaliseProps(
  raw: Record<string, unknown>,
  role: LayerRole,
  fields: FieldMapping,
): PropOutcome {
  const props: Record<string, unknown> = { ...raw };
  const warnings: PropOutcome['warnings'] = [];
  const get = (key: keyof FieldMapping): unknown => {
    const src = fields[key];
    return src === undefined ? undefined : raw[src];
  };
  const setText = (key: keyof FieldMapping): void => {
    const v = text(get(key));
    if (v !== undefined) props[key] = v;
    else if (fields[key] !== key) delete props[key];
  };
  const setNumber = (
    key: 'households' | 'population' | 'radius_m' | 'beamwidth' | 'count',
    label: string,
  ): void => {
    const src = fields[key];
    if (src === undefined) return;
    const n = readCount(raw[src]);
    if (n === 'bad') {
      delete props[key];
      warnings.push({
        message: `has a ${label} "${String(raw[src])}" in "${src}" that is not a number; left empty`,
        fix: `Write the ${label} as a whole number (e.g. 235) in "${src}".`,
      });
    } else if (n === null) delete props[key];
    else props[key] = n;
  };
  switch (role) {
    case 'hamlets': {
      setText('id');
      setText('name');
      for (const k of ['commune', 'commune_code', 'district', 'district_code'] as const) setText(k);
      setNumber('households', 'household count');
      setNumber('population', 'population');
      break;
    }
    case 'units':
    case 'communes':
    case 'districts':
    case 'province': {
      setText('code');
      setText('name');
      setText('type');
      if (props.code === undefined) {
        return {
          props,
          warnings,
          skip: {
            message: 'has no code',
            fix: `Choose which column holds the ${role === 'units' ? 'unit' : role} code (mã), or fill it in.`,
          },
        };
      }
      // A unit's name is what the breadcrumb, the list and the exports show: it must be given.
      if (role === 'units' && props.name === undefined)
        return {
          props,
          warnings,
          skip: {
            message: 'has no name',
            fix: 'Choose which column holds the unit name (tên), or fill it in.',
          },
        };
      if (props.name === undefined) props.name = props.code;
      break;
    }
    case 'fibre': {
      setText('id');
      setText('operator');
      const kind = text(get('kind'));
      props.kind = kind && /backbone|trục|truc|core|liên tỉnh/i.test(kind) ? 'backbone' : 'access';
      break;
    }
    case 'sites':
    case 'coverage': {
      setText('id');
      setText('name');
      setText('operator');
      const tech = normaliseTech(get('tech'));
      if (!tech) {
        const src = fields.tech;
        return {
          props,
          warnings,
          skip: {
            message: src
              ? `has no recognisable technology in "${src}" ("${String(raw[src] ?? '')}")`
              : 'has no technology (tech) field',
            fix: 'Give each site a technology such as "4G" or "2G,3G,4G", or choose the technology column.',
          },
        };
      }
      props.tech = tech;
      if (role === 'sites') {
        setNumber('radius_m', 'radius');
        setNumber('beamwidth', 'beam width');
        const az = get('azimuths');
        if (az !== undefined && az !== null && az !== '')
          props.azimuths = Array.isArray(az) ? az : String(az);
      } else {
        const level = text(get('level'));
        props.level = level && /weak|yếu|yeu|poor/i.test(level) ? 'weak' : 'good';
      }
      break;
    }
    case 'facilities': {
      setText('name');
      setText('id');
      const kindText = text(get('kind')) ?? text(props.name);
      const kind = kindText ? (FACILITY_KINDS.find(([re]) => re.test(kindText))?.[1] ?? kindText) : undefined;
      if (!kind) {
        return {
          props,
          warnings,
          skip: {
            message: 'has no kind',
            fix: 'Give each facility a kind: school, health, commune_office, …',
          },
        };
      }
      props.kind = kind;
      break;
    }
    case 'households': {
      setNumber('count', 'household count');
      if (props.count === undefined) props.count = 1;
      break;
    }
  }
  return { props, warnings };
}
