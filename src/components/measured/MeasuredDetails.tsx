import { useShallow } from 'zustand/react/shallow';
import type { MeasuredFigures } from '../../analysis/types.ts';
import { MEASURED_COLOURS } from '../../map/palette.ts';
import { useApp } from '../../store/store.ts';
import { useFormat } from '../useFormat.ts';
import { useReasonText } from './ChallengePanel.tsx';
import { useMeasuredTranslation } from './i18n.ts';

/** The selected hamlet's measured figures (mobile, fixed, field reports) and why it is challenged, if so. */
export function MeasuredDetails({ id }: { id: string }) {
  const { t } = useMeasuredTranslation();
  const fmt = useFormat();
  const { m, challenge, layers } = useApp(
    useShallow((s) => ({
      m: s.result?.measured?.hamlets.find((h) => h.id === id),
      challenge: s.result?.measured?.challenges.find((c) => c.id === id),
      layers: s.result?.measured?.layers,
    })),
  );
  const reasonText = useReasonText();
  if (!m || !layers) return null;
  const mbps = (v: number | null): string => (v === null ? t('details.noData') : `${fmt.number(v, 1)} Mb/s`);
  const kind = (key: 'mobile' | 'fixed', f: MeasuredFigures, shown: boolean) =>
    shown ? (
      <>
        <dt>{t(`details.${key}`)}</dt>
        <dd data-testid={`measured-${key}`}>
          <span className="vt-chip" style={{ borderColor: MEASURED_COLOURS[f.quality] }}>
            <span className="vt-dot" style={{ background: MEASURED_COLOURS[f.quality] }} aria-hidden="true" />
            {t(`quality.${f.quality}`)}
          </span>
          {f.tests > 0 ? (
            <span className="vt-muted">
              {' '}
              {t('details.down')} {mbps(f.downMbps)} · {t('details.up')} {mbps(f.upMbps)} ·{' '}
              {t('details.latency')} {f.latencyMs === null ? '—' : `${fmt.number(f.latencyMs, 0)} ms`} ·{' '}
              {t('details.tests')} {fmt.number(f.tests, 1)}
            </span>
          ) : null}
          {f.points > 0 ? (
            <span className="vt-muted">
              {' '}
              · {t('details.points')}{' '}
              {t('details.pointsValue', {
                count: f.points,
                down: mbps(f.pointDownMbps),
                noService: f.noService,
              })}
            </span>
          ) : null}
        </dd>
      </>
    ) : null;
  return (
    <section aria-labelledby="vt-measured-title" data-testid="measured-details">
      <h4 id="vt-measured-title">{t('details.heading')}</h4>
      <dl className="vt-measured">
        {kind('mobile', m.mobile, layers.mobileTests || layers.speedPoints)}
        {kind('fixed', m.fixed, layers.fixedTests || layers.speedPoints)}
        {layers.fieldReports ? (
          <>
            <dt>{t('details.reports')}</dt>
            <dd>{t('details.reportsValue', m.reports)}</dd>
          </>
        ) : null}
      </dl>
      {challenge?.reasons.map((r) => (
        <p key={r.kind} className="vt-challenges__why" data-testid="measured-why">
          {reasonText(r)}
        </p>
      ))}
    </section>
  );
}
