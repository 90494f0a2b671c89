import { useId } from 'react';
import {
  CRS_CHOICES,
  csvFieldsOf,
  LAYER_ROLES,
  ROLE_TABLE,
  type CsvColumn,
  type CsvColumnMapping,
  type FieldMapping,
  type LayerRole,
} from '../../data/index.ts';
import type { ProbeResult } from '../../data/probeFile.ts';
import { useImportTranslation } from './i18n.ts';

/** What the user decides about a file before it is checked. */
export interface FileChoices {
  role: LayerRole;
  fields: FieldMapping;
  csvColumns: CsvColumnMapping;
  /** '' = as the file says (or detect). */
  crs: string;
  axisOrder: 'auto' | 'lonlat' | 'latlon';
}

/** The TM-3 zone of Nam Định and Thái Bình: the sensible first guess for metres without a .prj here. */
export const DEFAULT_PROJECTED_CRS = 'VN2000-TM3-105.5';

/** First choices for a probed file: the guessed role and fields, and a CRS only when one is needed. */
export function initialChoices(probe: ProbeResult): FileChoices {
  const needsCrs = probe.coordinates === 'projected' && !probe.declaredCrs;
  return {
    role: probe.role,
    fields: probe.fields[probe.role],
    csvColumns: probe.csv?.columns ?? {},
    crs: needsCrs ? DEFAULT_PROJECTED_CRS : '',
    axisOrder: 'auto',
  };
}

interface FileSetupProps {
  probe: ProbeResult;
  choices: FileChoices;
  onChange(next: FileChoices): void;
}

/** Role, field mapping (or CSV columns) and coordinate system for one file, pre-filled with guesses. */
export function FileSetup({ probe, choices, onChange }: FileSetupProps) {
  const { t } = useImportTranslation();
  const id = useId();
  const set = (patch: Partial<FileChoices>): void => onChange({ ...choices, ...patch });
  const options = probe.csv ? probe.csv.headers : probe.properties;
  const sampleOf = (key: string | undefined): string | undefined =>
    key ? probe.samples.find((row) => row[key])?.[key] : undefined;

  const pick = (
    label: string,
    value: string | undefined,
    onPick: (v: string | undefined) => void,
    key: string,
  ) => {
    const sample = sampleOf(value);
    return (
      <div className="vt-imp-field" key={key}>
        <label htmlFor={`${id}-${key}`}>{label}</label>
        <select id={`${id}-${key}`} value={value ?? ''} onChange={(e) => onPick(e.target.value || undefined)}>
          <option value="">{t('dialog.none')}</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        {sample ? <span className="vt-imp-sample">{t('dialog.sample', { value: sample })}</span> : null}
      </div>
    );
  };

  /** The picker of one of the role's fields (a property, or a CSV column read as that field). */
  const fieldPick = (field: keyof FieldMapping) =>
    pick(
      t(`fields.${field}`),
      choices.fields[field],
      (v) => set({ fields: withValue(choices.fields, field, v) }),
      `field-${field}`,
    );

  const [x0, y0, x1, y1] = (probe.bbox ?? [0, 0, 0, 0]).map((v) => Math.round(v));
  return (
    <div className="vt-file-setup">
      <div className="vt-imp-field">
        <label htmlFor={`${id}-role`}>{t('dialog.role')}</label>
        <select
          id={`${id}-role`}
          value={choices.role}
          onChange={(e) => {
            const role = e.target.value as LayerRole;
            set({ role, fields: probe.fields[role] });
          }}
        >
          {LAYER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(ROLE_TABLE[r].labelKey)}
            </option>
          ))}
        </select>
      </div>

      {probe.csv ? (
        <fieldset>
          <legend>{t('csv.heading')}</legend>
          {ROLE_TABLE[choices.role].csvColumns.map((col) =>
            pick(
              t(`csv.${col}`),
              choices.csvColumns[col],
              (v) => set({ csvColumns: withValue(choices.csvColumns, col, v) }),
              `csv-${col}`,
            ),
          )}
          {(ROLE_TABLE[choices.role].csvColumns as readonly CsvColumn[]).includes('radius') &&
          choices.csvColumns.radius ? (
            <div className="vt-imp-field">
              <label htmlFor={`${id}-unit`}>{t('csv.unit')}</label>
              <select
                id={`${id}-unit`}
                value={choices.csvColumns.radiusUnit ?? 'm'}
                onChange={(e) =>
                  set({ csvColumns: { ...choices.csvColumns, radiusUnit: e.target.value as 'm' | 'km' } })
                }
              >
                <option value="m">{t('csv.m')}</option>
                <option value="km">{t('csv.km')}</option>
              </select>
            </div>
          ) : null}
          {csvFieldsOf(choices.role).map(fieldPick)}
        </fieldset>
      ) : (
        <fieldset>
          <legend>{t('dialog.fieldsHeading')}</legend>
          {ROLE_TABLE[choices.role].fields.map(fieldPick)}
        </fieldset>
      )}

      <fieldset>
        <legend>{t('dialog.crs')}</legend>
        {probe.declaredCrs ? (
          <p className="vt-imp-note">{t('dialog.crsDeclared', { name: probe.declaredCrs })}</p>
        ) : null}
        {probe.coordinates === 'projected' && !probe.declaredCrs ? (
          <p className="vt-imp-warning" role="status">
            {t('dialog.metres', { x0, x1, y0, y1 })}
          </p>
        ) : null}
        {probe.coordinates === 'latlon' ? (
          <p className="vt-imp-warning" role="status">
            {t('dialog.swapped')}
          </p>
        ) : null}
        <div className="vt-imp-field">
          <label htmlFor={`${id}-crs`}>{t('dialog.crs')}</label>
          <select id={`${id}-crs`} value={choices.crs} onChange={(e) => set({ crs: e.target.value })}>
            <option value="">{t('dialog.crsAuto')}</option>
            {CRS_CHOICES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="vt-imp-field">
          <label htmlFor={`${id}-axis`}>{t('dialog.axis')}</label>
          <select
            id={`${id}-axis`}
            value={choices.axisOrder}
            onChange={(e) => set({ axisOrder: e.target.value as FileChoices['axisOrder'] })}
          >
            <option value="auto">{t('dialog.axisAuto')}</option>
            <option value="lonlat">{t('dialog.axisLonLat')}</option>
            <option value="latlon">{t('dialog.axisLatLon')}</option>
          </select>
        </div>
      </fieldset>
    </div>
  );
}

function withValue<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): T {
  const next = { ...obj };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
