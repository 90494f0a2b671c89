import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { facilityKindsOf, operatorsOf } from '../map/mapData.ts';
import {
  BOUNDARY,
  FIBRE,
  RAMPS,
  SITE_RING,
  STATUS_COLOURS,
  STATUS_ORDER,
  ZONES,
  facilityColour,
  operatorColours,
} from '../map/palette.ts';
import { effectiveSettings, useApp } from '../store/store.ts';
import { useFormat } from './useFormat.ts';

function Swatch({
  fill,
  stroke,
  shape = 'box',
  dash,
  hatch,
}: {
  fill: string;
  stroke?: string;
  shape?: 'box' | 'line' | 'dot';
  dash?: boolean;
  hatch?: string;
}) {
  if (shape === 'line') {
    return (
      <svg className="vt-swatch" width="24" height="14" aria-hidden="true">
        <line
          x1="1"
          y1="7"
          x2="23"
          y2="7"
          stroke={fill}
          strokeWidth="3"
          strokeDasharray={dash ? '6 3' : undefined}
        />
      </svg>
    );
  }
  if (shape === 'dot') {
    return (
      <svg className="vt-swatch" width="24" height="14" aria-hidden="true">
        <circle cx="12" cy="7" r="5" fill={fill} stroke={stroke ?? 'none'} strokeWidth="2" />
      </svg>
    );
  }
  return (
    <svg className="vt-swatch" width="24" height="14" aria-hidden="true">
      <rect x="1" y="1" width="22" height="12" fill={fill} stroke={stroke ?? '#666'} strokeWidth="1" />
      {hatch && (
        <path d="M1 9l8-8M5 13l12-12M13 13l10-10M21 13l2-2" stroke={hatch} strokeWidth="1.2" fill="none" />
      )}
    </svg>
  );
}

/**
 * The legend, built from the same palette as the map layers; only layers that are switched on appear.
 * `data-colour` attributes let tests check it against the palette.
 */
export function Legend() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { visible, colourBy, input, settings } = useApp(
    useShallow((s) => ({
      visible: s.layers,
      colourBy: s.colourBy,
      input: s.input,
      settings: effectiveSettings(s),
    })),
  );
  const operators = operatorColours(operatorsOf(input?.sites));
  const kinds = facilityKindsOf(input?.facilities);
  const items: { key: string; swatch: React.ReactNode; text: string; colour: string }[] = [];
  if (visible.includes('hamlets')) {
    if (colourBy === 'status') {
      for (const status of STATUS_ORDER) {
        items.push({
          key: `status-${status}`,
          colour: STATUS_COLOURS[status],
          swatch: <Swatch fill={STATUS_COLOURS[status]} />,
          text: t(`legend.status.${status}`, {
            served: fmt.percent(settings.thresholds.served),
            unserved: fmt.percent(settings.thresholds.unserved),
          }),
        });
      }
    }
  }
  if (visible.includes('whiteZones'))
    items.push({
      key: 'white',
      colour: ZONES.white.fill,
      swatch: <Swatch fill={ZONES.white.fill} stroke={ZONES.white.line} />,
      text: t('legend.whiteZones'),
    });
  if (visible.includes('weakZones'))
    items.push({
      key: 'weak',
      colour: ZONES.weak.fill,
      swatch: <Swatch fill={ZONES.weak.fill} stroke={ZONES.weak.line} hatch={ZONES.weak.hatch} />,
      text: t('legend.weakZones'),
    });
  if (visible.includes('fibre')) {
    items.push(
      {
        key: 'fibre-access',
        colour: FIBRE.access.colour,
        swatch: <Swatch shape="line" fill={FIBRE.access.colour} />,
        text: t('legend.fibreAccess', { radius: fmt.integer(settings.fibreServiceRadiusM) }),
      },
      {
        key: 'fibre-backbone',
        colour: FIBRE.backbone.colour,
        swatch: <Swatch shape="line" dash fill={FIBRE.backbone.colour} />,
        text: t('legend.fibreBackbone'),
      },
    );
  }
  if (visible.includes('sites')) {
    for (const [op, colour] of operators) {
      items.push({
        key: `op-${op}`,
        colour,
        swatch: <Swatch shape="dot" fill={colour} stroke="#444" />,
        text: t('legend.sitesOperator', { operator: op }),
      });
    }
    items.push(
      {
        key: 'ring-mbb',
        colour: SITE_RING.mbb,
        swatch: <Swatch shape="dot" fill="#999" stroke={SITE_RING.mbb} />,
        text: t('legend.sitesMbb'),
      },
      {
        key: 'ring-legacy',
        colour: SITE_RING.legacy,
        swatch: <Swatch shape="dot" fill="#999" stroke={SITE_RING.legacy} />,
        text: t('legend.sitesLegacy'),
      },
    );
  }
  if (visible.includes('siteDiscs'))
    items.push({
      key: 'discs',
      colour: '#999999',
      swatch: <Swatch shape="dot" fill="rgba(0,0,0,0.08)" stroke="#777" />,
      text: t('legend.siteDiscs'),
    });
  if (visible.includes('facilities')) {
    for (const kind of kinds) {
      const colour = facilityColour(kind);
      items.push({
        key: `fac-${kind}`,
        colour,
        swatch: <Swatch shape="dot" fill={colour} stroke="#fff" />,
        text: t('legend.facilities', { kind: t(`facilityKind.${kind}`, { defaultValue: kind }) }),
      });
    }
  }
  if (visible.includes('boundaries'))
    items.push({
      key: 'bounds',
      colour: BOUNDARY.district.colour,
      swatch: <Swatch shape="line" fill={BOUNDARY.district.colour} />,
      text: t('legend.boundaries'),
    });

  const ramp = colourBy !== 'status' && visible.includes('hamlets') ? RAMPS[colourBy] : null;
  const fmtStop = (v: number): string =>
    ramp?.format === 'percent'
      ? fmt.percent(v)
      : ramp?.format === 'score'
        ? fmt.number(v, 2)
        : fmt.integer(v);
  return (
    <section className="vt-legend" aria-labelledby="vt-legend-title">
      <h3 id="vt-legend-title">{t('legend.title')}</h3>
      {ramp && (
        <figure className="vt-ramp" data-testid="legend-ramp">
          <figcaption>{t(`colourBy.${colourBy}`)}</figcaption>
          <div
            className="vt-ramp__bar"
            style={{ background: `linear-gradient(to right, ${ramp.stops.map(([, c]) => c).join(', ')})` }}
          />
          <div className="vt-ramp__ticks">
            {ramp.stops.map(([v, c]) => (
              <span key={v} data-colour={c}>
                {fmtStop(v)}
              </span>
            ))}
          </div>
          <div className="vt-legend__item">
            <Swatch fill={ramp.none} />
            <span>{t('legend.notCandidate')}</span>
          </div>
        </figure>
      )}
      <ul className="vt-legend__list">
        {items.map((item) => (
          <li key={item.key} className="vt-legend__item" data-colour={item.colour}>
            {item.swatch}
            <span>{item.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
