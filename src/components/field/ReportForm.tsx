import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FieldReportProps } from '../../analysis/types.ts';
import {
  REPORT_RESULTS,
  REPORT_TECHS,
  type FieldReport,
  type ReportResult,
} from '../../data/fieldReports.ts';
import { operatorsOf } from '../../map/mapData.ts';
import type { ReportDraft } from '../../store/slices/reportSlice.ts';
import { useApp } from '../../store/store.ts';
import { Modal } from '../import/Modal.tsx';
import { useFieldTranslation } from './i18n.ts';

const OTHER = '__other__';

/** A new report's id: random, so reports made on different phones merge without clashing. */
function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** '' → absent; a number of Mb/s ≥ 0 → it; anything else → NaN (refused). */
function parseSpeed(text: string): number | undefined {
  const v = text.trim().replace(',', '.');
  if (v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : Number.NaN;
}

/** The report form, open while a draft exists: result, operator, technology, speed and note. */
export function ReportForm() {
  const { draft, setDraft } = useApp(
    useShallow((s) => ({ draft: s.reportDraft, setDraft: s.setReportDraft })),
  );
  if (!draft) return null;
  // A new key per draft: the fields start from the draft each time the form opens.
  return (
    <ReportFormBody
      key={draft.editing?.properties.id ?? draft.at.join(',')}
      draft={draft}
      close={() => setDraft(null)}
    />
  );
}

function ReportFormBody({ draft, close }: { draft: ReportDraft; close(): void }) {
  const { t } = useFieldTranslation();
  const { sites, save } = useApp(useShallow((s) => ({ sites: s.input?.sites, save: s.saveFieldReport })));
  const operators = useMemo(() => operatorsOf(sites).filter((o) => o !== '?'), [sites]);
  const old = draft.editing?.properties;
  const known = old?.operator === undefined || operators.includes(old.operator);
  const [result, setResult] = useState<ReportResult | null>(old?.result ?? null);
  const [operator, setOperator] = useState(old?.operator === undefined ? '' : known ? old.operator : OTHER);
  const [otherName, setOtherName] = useState(known ? '' : (old?.operator ?? ''));
  const [tech, setTech] = useState<string>(old?.tech ?? '');
  const [down, setDown] = useState(old?.download_mbps?.toString() ?? '');
  const [up, setUp] = useState(old?.upload_mbps?.toString() ?? '');
  const [note, setNote] = useState(old?.note ?? '');
  const downV = parseSpeed(down);
  const upV = parseSpeed(up);
  const badSpeed = Number.isNaN(downV) || Number.isNaN(upV);
  const [lon, lat] = draft.at;

  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    if (!result || badSpeed) return;
    const props: FieldReportProps = {
      id: old?.id ?? newId(),
      time: old?.time ?? new Date().toISOString(),
      result,
    };
    const op = operator === OTHER ? otherName.trim() : operator;
    if (op) props.operator = op;
    if (tech) props.tech = tech as NonNullable<FieldReportProps['tech']>;
    if (downV !== undefined) props.download_mbps = downV;
    if (upV !== undefined) props.upload_mbps = upV;
    if (note.trim()) props.note = note.trim();
    const report: FieldReport = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon ?? 0, lat ?? 0] },
      properties: props,
    };
    save(report);
    close();
  };

  const where =
    draft.source === 'gps'
      ? t('form.gps', { m: draft.accuracyM ?? '?' })
      : draft.source === 'map'
        ? t('form.map')
        : t('form.saved');
  return (
    <Modal
      title={draft.editing ? t('form.editTitle') : t('form.title')}
      onClose={close}
      className="vt-report-form"
    >
      <form onSubmit={submit} data-testid="report-form">
        <p className="vt-report-form__place">
          {t('form.place', { lat: lat?.toFixed(5), lon: lon?.toFixed(5) })} ({where})
        </p>
        <fieldset className="vt-fieldset vt-report-form__results">
          <legend>{t('form.result')}</legend>
          {REPORT_RESULTS.map((r, i) => (
            <label key={r} className={`vt-report-result vt-report-result--${r}`}>
              <input
                type="radio"
                name="result"
                value={r}
                checked={result === r}
                onChange={() => setResult(r)}
                required
                {...(i === 0 ? { 'data-autofocus': true } : {})}
              />
              <span>{t(`result.${r}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="vt-report-form__row">
          <label className="vt-field">
            <span>{t('form.operator')}</span>
            <select value={operator} onChange={(e) => setOperator(e.target.value)}>
              <option value="">{t('form.unknown')}</option>
              {operators.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
              <option value={OTHER}>{t('form.other')}</option>
            </select>
          </label>
          <label className="vt-field">
            <span>{t('form.tech')}</span>
            <select value={tech} onChange={(e) => setTech(e.target.value)}>
              <option value="">{t('form.unknown')}</option>
              {REPORT_TECHS.map((x) => (
                <option key={x} value={x}>
                  {x === 'fixed' ? t('form.fixed') : x}
                </option>
              ))}
            </select>
          </label>
        </div>
        {operator === OTHER && (
          <label className="vt-field">
            <span>{t('form.otherName')}</span>
            <input value={otherName} onChange={(e) => setOtherName(e.target.value)} maxLength={100} />
          </label>
        )}
        <fieldset className="vt-fieldset">
          <legend>{t('form.speed')}</legend>
          <div className="vt-report-form__row">
            <label className="vt-field">
              <span>{t('form.down')}</span>
              <input
                inputMode="decimal"
                value={down}
                onChange={(e) => setDown(e.target.value)}
                aria-invalid={Number.isNaN(downV)}
              />
            </label>
            <label className="vt-field">
              <span>{t('form.up')}</span>
              <input
                inputMode="decimal"
                value={up}
                onChange={(e) => setUp(e.target.value)}
                aria-invalid={Number.isNaN(upV)}
              />
            </label>
          </div>
          {badSpeed && (
            <p className="vt-field__problem" role="alert">
              {t('form.badSpeed')}
            </p>
          )}
        </fieldset>
        <label className="vt-field">
          <span>{t('form.note')}</span>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
        </label>
        <div className="vt-report-form__actions">
          <button
            type="submit"
            className="vt-button"
            disabled={!result || badSpeed}
            data-testid="report-save"
          >
            {t('form.save')}
          </button>
          <button type="button" className="vt-button vt-button--quiet" onClick={close}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
