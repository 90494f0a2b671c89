// @vitest-environment jsdom
import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Legend, MapLegend } from '../../../src/components/Legend.tsx';
import { currentLegend } from '../../../src/components/share/snapshotContent.ts';
import {
  FIBRE,
  HAMLET_FILL_OPACITY,
  RAMPS,
  SCENARIO,
  STATUS_COLOURS,
  STATUS_ORDER,
  ZONES,
  seenColour,
} from '../../../src/map/palette.ts';
import { scenarioStore } from '../../../src/store/scenario/scenarioStore.ts';
import { appStore } from '../../../src/store/store.ts';
import { renderWithI18n, resetStoreWithSample } from './render.tsx';

const colours = (selector: string) =>
  [...document.querySelectorAll(selector)].map((e) => e.getAttribute('data-colour'));

beforeEach(() => {
  resetStoreWithSample();
  scenarioStore.setState(scenarioStore.getInitialState(), true);
});
afterEach(cleanup);

describe('Legend', () => {
  it('shows the status colours as the map shows them (fill opacity over the background), in order', () => {
    renderWithI18n(<Legend />);
    const seen = STATUS_ORDER.map((s) => seenColour(STATUS_COLOURS[s], HAMLET_FILL_OPACITY));
    expect(colours('.vt-legend__item').slice(0, 3)).toEqual(seen);
    const swatchFills = [...document.querySelectorAll('.vt-legend__item svg rect')]
      .slice(0, 3)
      .map((r) => r.getAttribute('fill'));
    expect(swatchFills).toEqual(seen);
  });

  it('lists only the layers that are switched on, zones as the map’s hatching', () => {
    renderWithI18n(<Legend />);
    expect(colours('.vt-legend__item')).toContain(ZONES.white.hatch);
    expect(colours('.vt-legend__item')).toContain(FIBRE.backbone.colour);
    const white = document.querySelector('[data-entry="white"]');
    expect(white?.querySelector('pattern path')?.getAttribute('fill')).toBe(ZONES.white.hatch);
    const fill = white?.querySelectorAll('rect')[1]?.getAttribute('fill') ?? '';
    expect(fill).toMatch(/^url\(#[\w-]+\)$/);
    expect(white?.querySelector(`pattern[id="${fill.slice(5, -1)}"]`)).not.toBeNull();
    act(() => appStore.getState().toggleLayer('fibre'));
    expect(colours('.vt-legend__item')).not.toContain(FIBRE.backbone.colour);
  });

  it('shows the measure ramp with the map’s stops when hamlets are coloured by a measure', () => {
    renderWithI18n(<Legend />);
    act(() => appStore.getState().setColourBy('broadbandShare'));
    expect(colours('[data-testid="legend-ramp"] [data-colour]')).toEqual(
      RAMPS.broadbandShare.stops.map(([, c]) => seenColour(c, HAMLET_FILL_OPACITY)),
    );
    const ticks = [...document.querySelectorAll('.vt-ramp__ticks span')].map((e) => e.textContent);
    expect(ticks).toEqual(['0%', '25%', '50%', '75%', '100%']);
    act(() => appStore.getState().setColourBy('uncoveredHouseholds'));
    expect(document.querySelector('[data-entry="ramp-none"]')?.getAttribute('data-colour')).toBe(
      seenColour(RAMPS.uncoveredHouseholds.none, HAMLET_FILL_OPACITY),
    );
  });

  it('puts the settings thresholds into the status wording', () => {
    const { container } = renderWithI18n(<Legend />, 'en');
    expect(container.textContent).toContain('Served: ≥ 95% of households');
  });

  it('adds the scenario’s proposals while a scenario has them', () => {
    const { container } = renderWithI18n(<Legend />, 'en');
    expect(container.textContent).not.toContain('Proposed site');
    act(() => scenarioStore.getState().addSiteAt([106.2, 20.2]));
    expect(container.textContent).toContain('Proposed site');
    expect(document.querySelector('[data-entry="scenario-site"]')?.getAttribute('data-colour')).toBe(
      SCENARIO.proposed,
    );
    // The PNG and print read the same legend, whether or not this panel is open.
    expect(currentLegend().entries.map((e) => e.id)).toContain('scenario-site');
  });

  it('over the map: the same entries under a “Legend” summary that folds, marked as covering the map', () => {
    renderWithI18n(
      <>
        <Legend />
        <MapLegend />
      </>,
      'en',
    );
    const [panel, onMap] = [...document.querySelectorAll('.vt-legend')];
    const entries = (e: Element | undefined) =>
      [...(e?.querySelectorAll('[data-entry]') ?? [])].map((x) => x.getAttribute('data-entry'));
    expect(entries(onMap)).toEqual(entries(panel));
    expect(entries(onMap).length).toBeGreaterThan(2);
    const details = document.querySelector<HTMLDetailsElement>('[data-testid="map-legend"]')!;
    expect(details.open).toBe(true);
    expect(details.dataset.mapCover).toBe('right');
    expect(details.querySelector('summary')?.textContent).toBe('Legend');
    // Two legends on the page, each labelled by its own heading.
    const labels = [panel, onMap].map((e) => e?.getAttribute('aria-labelledby'));
    expect(new Set(labels).size).toBe(2);
    for (const id of labels) expect(document.getElementById(id!)).not.toBeNull();
  });
});
