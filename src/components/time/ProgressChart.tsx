import { useTranslation } from 'react-i18next';
import { monthOf, progressTrend, targetsOf, type AreaShares, type Target } from '../../analysis/progress.ts';
import { NATIONAL_TARGETS } from '../../analysis/settings.ts';
import type { TargetSettings } from '../../analysis/types.ts';
import type { Formatters } from '../../i18n/format.ts';
import { CHART, CLASS_COLOURS } from '../../map/palette.ts';
import { monthLabel } from '../../map/versionChanges.ts';

/** One version's shares for the area drawn. */
export interface ProgressRow {
  id: string;
  date: string;
  label: string;
  shares: AreaShares;
}

type ShareKey = 'fibreHamletShare' | 'mbbHamletShare' | 'fibreHouseholdShare' | 'mbbHouseholdShare';

const SERIES: { key: ShareKey; colour: string; dash?: string; label: string }[] = [
  { key: 'fibreHamletShare', colour: CLASS_COLOURS.fibre, label: 'time.series.fibreHamlets' },
  { key: 'mbbHamletShare', colour: CLASS_COLOURS.mbb, label: 'time.series.mbbHamlets' },
  {
    key: 'fibreHouseholdShare',
    colour: CLASS_COLOURS.fibre,
    dash: '4 3',
    label: 'time.series.fibreHouseholds',
  },
  { key: 'mbbHouseholdShare', colour: CLASS_COLOURS.mbb, dash: '4 3', label: 'time.series.mbbHouseholds' },
];

const W = 340;
const H = 190;
const PAD = { left: 34, right: 10, top: 10, bottom: 24 };

/**
 * The area's shares of hamlets and households with fibre and with 4G/5G at each version, with the targets
 * as dashed lines up to their dates; the same numbers as a table, and each target's trend in words.
 */
export function ProgressChart({
  name,
  rows,
  targets,
  fmt,
}: {
  name: string;
  rows: readonly ProgressRow[];
  targets: TargetSettings;
  fmt: Formatters;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  const { fibre, mbb } = targetsOf(targets);
  const dates = rows.map((r) => monthOf(r.date));
  const x0 = Math.min(...dates) - 3;
  const x1 = Math.max(...dates, monthOf(`${fibre.year}-12`), monthOf(`${mbb.year}-12`)) + 3;
  const px = (m: number): number => PAD.left + ((m - x0) / (x1 - x0 || 1)) * (W - PAD.left - PAD.right);
  const py = (share: number): number => PAD.top + (1 - share) * (H - PAD.top - PAD.bottom);
  const years: number[] = [];
  for (let y = Math.ceil(x0 / 12); y * 12 <= x1; y++) years.push(y);
  const targetLines: { key: string; target: Target; colour: string; label: string }[] = [
    { key: 'fibre', target: fibre, colour: CLASS_COLOURS.fibre, label: t('time.target.fibre') },
    { key: 'mbb', target: mbb, colour: CLASS_COLOURS.mbb, label: t('time.target.mbb') },
  ];
  const trends = targetLines.map((l) => ({
    ...l,
    trend: progressTrend(
      rows.map((r) => ({
        date: r.date,
        share: r.shares[l.key === 'fibre' ? 'fibreHamletShare' : 'mbbHamletShare'],
      })),
      l.target,
    ),
  }));
  return (
    <div className="vt-time__progress" data-testid="progress-chart">
      <svg
        className="vt-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={t('time.chartLabel', { name })}
      >
        <title>{t('time.chartLabel', { name })}</title>
        {[0, 0.5, 1].map((s) => (
          <g key={s}>
            <line x1={PAD.left} x2={W - PAD.right} y1={py(s)} y2={py(s)} stroke={CHART.track} />
            <text x={PAD.left - 4} y={py(s) + 3} fontSize="9" textAnchor="end" fill={CHART.ink}>
              {fmt.percent(s, 0)}
            </text>
          </g>
        ))}
        {years.map((y) => (
          <text key={y} x={px(y * 12)} y={H - 8} fontSize="9" textAnchor="middle" fill={CHART.ink}>
            {y}
          </text>
        ))}
        {targetLines.map((l, i) => {
          const xe = px(monthOf(`${l.target.year}-12`));
          return (
            <g key={l.key} data-target={l.key}>
              <line
                x1={PAD.left}
                x2={xe}
                y1={py(l.target.share) + i * 2}
                y2={py(l.target.share) + i * 2}
                stroke={CHART.target}
                strokeDasharray="2 2"
              />
              <line
                x1={xe}
                x2={xe}
                y1={py(l.target.share) - 4}
                y2={H - PAD.bottom}
                stroke={CHART.target}
                strokeDasharray="2 3"
                strokeOpacity={0.6}
              />
              <circle cx={xe} cy={py(l.target.share) + i * 2} r={2.5} fill={l.colour} stroke={CHART.target} />
            </g>
          );
        })}
        {SERIES.map((s) => (
          <g key={s.key} data-series={s.key}>
            <polyline
              fill="none"
              stroke={s.colour}
              strokeWidth={s.dash ? 1.5 : 2.5}
              strokeDasharray={s.dash}
              points={rows.map((r) => `${px(monthOf(r.date))},${py(r.shares[s.key])}`).join(' ')}
            />
            {rows.map((r) => (
              <circle
                key={r.id}
                cx={px(monthOf(r.date))}
                cy={py(r.shares[s.key])}
                r={s.dash ? 2 : 3}
                fill={s.colour}
              />
            ))}
          </g>
        ))}
      </svg>
      <ul className="vt-time__keys">
        {SERIES.map((s) => (
          <li key={s.key}>
            <svg width="22" height="8" aria-hidden="true">
              <line
                x1="1"
                x2="21"
                y1="4"
                y2="4"
                stroke={s.colour}
                strokeWidth={s.dash ? 1.5 : 2.5}
                strokeDasharray={s.dash}
              />
            </svg>{' '}
            {t(s.label)}
          </li>
        ))}
        <li>
          <svg width="22" height="8" aria-hidden="true">
            <line x1="1" x2="21" y1="4" y2="4" stroke={CHART.target} strokeDasharray="2 2" />
          </svg>{' '}
          {t('time.series.target')}
        </li>
      </ul>
      <ul className="vt-time__trends" data-testid="progress-trends">
        {trends.map((l) => (
          <li key={l.key} data-trend={l.trend.status}>
            <strong>
              {t('time.targetLine', {
                what: l.label,
                share: fmt.percent(l.target.share, 0),
                due: monthLabel(l.trend.due),
              })}
            </strong>
            {': '}
            <span className={`vt-time__trend is-${l.trend.status}`}>{t(`time.trend.${l.trend.status}`)}</span>
            {l.trend.status !== 'reached' && l.trend.status !== 'unknown' && (
              <span className="vt-muted">
                {' '}
                {l.trend.projected !== null
                  ? t('time.trendProjected', {
                      share: fmt.percent(l.trend.projected, 0),
                      due: monthLabel(l.trend.due),
                    })
                  : ''}
                {l.trend.reachBy ? ` ${t('time.trendReachBy', { date: monthLabel(l.trend.reachBy) })}` : ''}
              </span>
            )}
          </li>
        ))}
        {(['fibre', 'mbb'] as const).some(
          (k) =>
            targets[`${k}Hamlets`] !== NATIONAL_TARGETS[`${k}Hamlets`] ||
            targets[`${k}Year`] !== NATIONAL_TARGETS[`${k}Year`],
        ) && (
          <li className="vt-muted" data-testid="national-targets">
            {t('time.national', {
              fibre: t('time.targetLine', {
                what: t('time.target.fibre'),
                share: fmt.percent(NATIONAL_TARGETS.fibreHamlets, 0),
                due: monthLabel(`${NATIONAL_TARGETS.fibreYear}-12`),
              }),
              mbb: t('time.targetLine', {
                what: t('time.target.mbb'),
                share: fmt.percent(NATIONAL_TARGETS.mbbHamlets, 0),
                due: monthLabel(`${NATIONAL_TARGETS.mbbYear}-12`),
              }),
            })}
          </li>
        )}
      </ul>
      <div className="vt-time__table-wrap">
        <table className="vt-time__table" data-testid="progress-table">
          <caption className="vt-visually-hidden">{t('time.chartLabel', { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('time.version')}</th>
              {SERIES.map((s) => (
                <th key={s.key} scope="col" className="is-num">
                  {t(s.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{monthLabel(r.date)}</th>
                {SERIES.map((s) => (
                  <td key={s.key} className="is-num">
                    {fmt.percent(r.shares[s.key], 1)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
