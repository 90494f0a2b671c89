import { useTranslation } from 'react-i18next';
import { COVERAGE_CLASSES, type CoverageClass } from '../../analysis/types.ts';
import { CHART, CLASS_COLOURS } from '../../map/palette.ts';
import { useFormat } from '../useFormat.ts';

/** Households per coverage class as one stacked bar with a readable key. */
export function ClassBar({ households }: { households: Record<CoverageClass, number> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const total = COVERAGE_CLASSES.reduce((a, c) => a + households[c], 0) || 1;
  const offsets = COVERAGE_CLASSES.map((_, i) =>
    COVERAGE_CLASSES.slice(0, i).reduce((a, c) => a + (households[c] / total) * 100, 0),
  );
  return (
    <div className="vt-classbar">
      <svg viewBox="0 0 100 8" preserveAspectRatio="none" width="100%" height="14" aria-hidden="true">
        {COVERAGE_CLASSES.map((c, i) => (
          <rect
            key={c}
            x={offsets[i]}
            y={0}
            width={(households[c] / total) * 100}
            height={8}
            fill={CLASS_COLOURS[c]}
            stroke={CHART.outline}
            strokeWidth={0.15}
          />
        ))}
      </svg>
      <ul className="vt-classbar__key">
        {COVERAGE_CLASSES.map((c) => (
          <li key={c}>
            <span className="vt-dot" style={{ background: CLASS_COLOURS[c] }} aria-hidden="true" />
            {t(`classes.${c}`)}: {fmt.integer(households[c])} ({fmt.percent(households[c] / total)})
          </li>
        ))}
      </ul>
    </div>
  );
}
