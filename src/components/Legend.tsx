import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { AGGREGATE_BELOW_ZOOM, showsAggregate } from '../map/aggregate.ts';
import {
  buildLegend,
  legendInputOf,
  legendText,
  type Legend as LegendModel,
  type LegendSymbol,
  type Translate,
} from '../map/legend.ts';
import { HATCH_SIZE, ZONES, hatchCell } from '../map/palette.ts';
import { colocationStore } from '../store/lens/colocation.ts';
import { legendChanges } from '../map/versionChanges.ts';
import { versionStore } from '../store/versions/versionStore.ts';
import { useApp } from '../store/store.ts';
import { usePlan } from './plan/usePlan.ts';
import { useScenario } from './scenario/useScenario.ts';
import { useFormat } from './useFormat.ts';

/** SVG path of the cells of a zone's hatch tile that are `which` ('hatch' or its dark 'edge'). */
function hatchPath(zone: 'white' | 'weak', which: 'hatch' | 'edge'): string {
  let d = '';
  for (let y = 0; y < HATCH_SIZE; y++)
    for (let x = 0; x < HATCH_SIZE; x++) if (hatchCell(zone, x, y) === which) d += `M${x} ${y}h1v1h-1z`;
  return d;
}

/** One legend symbol as a small SVG: the map's own hatch tile for zones, a line, a dot or a box. */
export function LegendSwatch({ symbol }: { symbol: LegendSymbol }) {
  // An id usable in url(#…) whatever characters React's ids use.
  const patternId = `vt-hatch${useId().replace(/[^\w-]/g, '')}`;
  if (symbol.kind === 'line') {
    return (
      <svg className="vt-swatch" width="24" height="14" aria-hidden="true">
        <line
          x1="1"
          y1="7"
          x2="23"
          y2="7"
          stroke={symbol.colour}
          strokeWidth="3"
          strokeDasharray={symbol.dash ? '6 3' : undefined}
        />
      </svg>
    );
  }
  if (symbol.kind === 'point') {
    return (
      <svg className="vt-swatch" width="24" height="14" aria-hidden="true">
        <circle cx="12" cy="7" r="5" fill={symbol.colour} stroke={symbol.outline ?? 'none'} strokeWidth="2" />
      </svg>
    );
  }
  if (symbol.kind === 'hatch') {
    const zone = ZONES[symbol.zone];
    return (
      <svg className="vt-swatch" width="24" height="14" aria-hidden="true">
        <defs>
          <pattern id={patternId} width={HATCH_SIZE} height={HATCH_SIZE} patternUnits="userSpaceOnUse">
            <path d={hatchPath(symbol.zone, 'hatch')} fill={zone.hatch} />
            {'edge' in zone && (
              <path d={hatchPath(symbol.zone, 'edge')} fill={zone.edge} fillOpacity={zone.edgeOpacity} />
            )}
          </pattern>
        </defs>
        <rect x="1" y="1" width="22" height="12" fill={symbol.base} />
        <rect x="1" y="1" width="22" height="12" fill={`url(#${patternId})`} />
        <rect x="1" y="1" width="22" height="12" fill="none" stroke={symbol.outline} strokeWidth="1" />
      </svg>
    );
  }
  return (
    <svg className="vt-swatch" width="24" height="14" aria-hidden="true">
      <rect
        x="1"
        y="1"
        width="22"
        height="12"
        fill={symbol.colour}
        stroke={symbol.outline ?? '#666'}
        strokeWidth="1"
      />
    </svg>
  );
}

/**
 * The legend of what the map shows now, for the app's state, the scenario being edited (its layers are
 * drawn only while the scenario is chosen) and the plan the numbers describe.
 */
export function useLegend(): LegendModel {
  const fmt = useFormat();
  const app = useApp(
    useShallow((s) => ({
      layers: s.layers,
      colourBy: s.colourBy,
      input: s.input,
      settings: s.settings,
      unitSystem: s.unitSystem,
      admin: s.admin,
      lens: s.lens,
      result: s.result,
      fieldReports: s.fieldReports,
      // Only which side of the switch zoom the map is on: the legend is not rebuilt on every zoom.
      zoom: showsAggregate(s.zoom) ? 0 : AGGREGATE_BELOW_ZOOM,
    })),
  );
  const colocation = useStore(colocationStore, (s) => s.selectedId !== null && s.result !== null);
  const scenario = useScenario(
    useShallow((s) => ({ edits: s.edits, draft: s.draft, covered: s.covered, delta: s.delta })),
  );
  const versions = useStore(
    versionStore,
    useShallow((s) => ({
      comparison: s.comparison,
      showOnMap: s.showOnMap,
      builtIn: s.builtIn,
      saved: s.saved,
    })),
  );
  const changes = useMemo(() => legendChanges(versions), [versions]);
  const { shown, chosen } = usePlan();
  return useMemo(
    () =>
      buildLegend(
        legendInputOf(app, chosen.kind === 'scenario' ? scenario : undefined, shown, colocation, changes),
        fmt,
      ),
    [app, scenario, fmt, shown, chosen.kind, colocation, changes],
  );
}

/**
 * Draws a legend model: the title, the colour ramp when hamlets are coloured by a measure, then one row per
 * entry. `data-colour` on each row and ramp tick is the colour the map shows for it.
 */
export function LegendView({
  legend,
  t,
  titleId,
  className = 'vt-legend',
}: {
  legend: LegendModel;
  t: Translate;
  titleId: string;
  className?: string;
}) {
  const { ramp } = legend;
  return (
    <section className={className} aria-labelledby={titleId}>
      <h3 id={titleId}>{legendText(legend.title, t)}</h3>
      {legend.plan && (
        <p className="vt-legend__plan" data-testid="legend-plan">
          {legendText(legend.plan, t)}
        </p>
      )}
      {legend.shows && (
        <p className="vt-legend__shows" data-testid="legend-shows">
          {legendText(legend.shows, t)}
        </p>
      )}
      {ramp && (
        <figure className="vt-ramp" data-testid="legend-ramp">
          <figcaption>{legendText(ramp.title, t)}</figcaption>
          <div
            className="vt-ramp__bar"
            style={{ background: `linear-gradient(to right, ${ramp.stops.map((s) => s.colour).join(', ')})` }}
          />
          <div className="vt-ramp__ticks">
            {ramp.stops.map((s) => (
              <span key={s.value} data-colour={s.colour} data-value={s.value}>
                {s.text}
              </span>
            ))}
          </div>
          {ramp.none && (
            <div className="vt-legend__item" data-colour={ramp.none.colour} data-entry={ramp.none.id}>
              <LegendSwatch symbol={ramp.none.symbol} />
              <span>{legendText(ramp.none.label, t)}</span>
            </div>
          )}
        </figure>
      )}
      <ul className="vt-legend__list">
        {legend.entries.map((e) => (
          <li key={e.id} className="vt-legend__item" data-colour={e.colour} data-entry={e.id}>
            <LegendSwatch symbol={e.symbol} />
            <span>{legendText(e.label, t)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The screen legend: only layers that are switched on, built by `buildLegend` like the PNG and print. */
export function Legend() {
  const { t } = useTranslation();
  const legend = useLegend();
  return <LegendView legend={legend} t={(k, p) => t(k, p)} titleId="vt-legend-title" />;
}

/**
 * The legend over the map while the layers panel (where the legend lives) is closed, as laptops narrower
 * than 1,280 px open. Folds to its title. Phones show it on the layers pane instead.
 */
export function MapLegend() {
  const { t } = useTranslation();
  const legend = useLegend();
  return (
    <details className="vt-map-legend" open data-testid="map-legend" data-map-cover="right">
      <summary>{t('legend.title')}</summary>
      <LegendView legend={legend} t={(k, p) => t(k, p)} titleId="vt-map-legend-title" />
    </details>
  );
}
