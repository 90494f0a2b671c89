// @vitest-environment jsdom
import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Legend } from '../../../src/components/Legend.tsx';
import { hamletColour } from '../../../src/map/planLayers.ts';
import { FIBRE, RAMPS, STATUS_COLOURS, STATUS_ORDER, ZONES } from '../../../src/map/palette.ts';
import { appStore } from '../../../src/store/store.ts';
import { renderWithI18n, resetStoreWithSample } from './render.tsx';

const colours = (selector: string) =>
  [...document.querySelectorAll(selector)].map((e) => e.getAttribute('data-colour'));

beforeEach(resetStoreWithSample);
afterEach(cleanup);

describe('Legend', () => {
  it('shows the status colours the map paints, in the same order', () => {
    renderWithI18n(<Legend />);
    const statusColours = STATUS_ORDER.map((s) => STATUS_COLOURS[s]);
    expect(colours('.vt-legend__item').slice(0, 3)).toEqual(statusColours);
    const mapExpression = JSON.stringify(hamletColour('status'));
    for (const c of statusColours) expect(mapExpression).toContain(c);
  });

  it('lists only the layers that are switched on', () => {
    renderWithI18n(<Legend />);
    expect(colours('.vt-legend__item')).toContain(ZONES.white.fill);
    expect(colours('.vt-legend__item')).toContain(FIBRE.backbone.colour);
    act(() => appStore.getState().toggleLayer('fibre'));
    expect(colours('.vt-legend__item')).not.toContain(FIBRE.backbone.colour);
  });

  it('shows the measure ramp with the map’s stops when hamlets are coloured by a measure', () => {
    renderWithI18n(<Legend />);
    act(() => appStore.getState().setColourBy('broadbandShare'));
    expect(colours('[data-testid="legend-ramp"] [data-colour]')).toEqual(
      RAMPS.broadbandShare.stops.map(([, c]) => c),
    );
    const ticks = [...document.querySelectorAll('.vt-ramp__ticks span')].map((e) => e.textContent);
    expect(ticks).toEqual(['0%', '25%', '50%', '75%', '100%']);
  });

  it('puts the settings thresholds into the status wording', () => {
    const { container } = renderWithI18n(<Legend />, 'en');
    expect(container.textContent).toContain('Served: ≥ 95% of households');
  });
});
