import type { Rollup } from '../../analysis/types.ts';
import { CHART, CLASS_COLOURS } from '../../map/palette.ts';
import type { Formatters } from '../../i18n/format.ts';

export interface ChartLabels {
  title: string;
  fibre: string;
  mbb: string;
  either: string;
  target: string;
}

/** Household shares by fibre, MBB and either, as bars against the 100 % target line. Plain SVG. */
export function CoverageChart({
  rollup,
  labels,
  fmt,
}: {
  rollup: Rollup;
  labels: ChartLabels;
  fmt: Formatters;
}) {
  const bars = [
    { key: 'fibre', label: labels.fibre, value: rollup.fibreShare, colour: CLASS_COLOURS.fibre },
    { key: 'mbb', label: labels.mbb, value: rollup.mbbShare, colour: CLASS_COLOURS.mbb },
    { key: 'either', label: labels.either, value: rollup.broadbandShare, colour: CLASS_COLOURS['fibre+mbb'] },
  ];
  const left = 150;
  const width = 340;
  const barW = width - left - 50;
  return (
    <svg
      className="vt-chart"
      viewBox={`0 0 ${width} ${bars.length * 28 + 24}`}
      role="img"
      aria-label={labels.title}
    >
      <title>{labels.title}</title>
      {bars.map((b, i) => (
        <g key={b.key} transform={`translate(0, ${i * 28 + 6})`} data-bar={b.key}>
          <text x={left - 6} y={14} textAnchor="end" fontSize="11" fill={CHART.ink}>
            {b.label}
          </text>
          <rect x={left} y={2} width={barW} height={16} fill={CHART.track} />
          <rect x={left} y={2} width={Math.max(0, Math.min(1, b.value)) * barW} height={16} fill={b.colour} />
          <text x={left + barW + 4} y={14} fontSize="11" fill={CHART.ink}>
            {fmt.percent(b.value)}
          </text>
        </g>
      ))}
      <line
        x1={left + barW}
        x2={left + barW}
        y1={2}
        y2={bars.length * 28 + 8}
        stroke={CHART.target}
        strokeDasharray="3 2"
      />
      <text x={left + barW} y={bars.length * 28 + 20} fontSize="10" textAnchor="end" fill={CHART.targetText}>
        {labels.target}
      </text>
    </svg>
  );
}
