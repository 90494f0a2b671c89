// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Header } from '../../../src/components/Header.tsx';
import { LAYERS_CLOSED_BELOW, startsWithLayersOpen } from '../../../src/store/slices/uiSlice.ts';
import { appStore } from '../../../src/store/store.ts';
import { renderWithI18n, resetStoreWithSample } from './render.tsx';

beforeEach(resetStoreWithSample);
afterEach(cleanup);

describe('Header', () => {
  it('each side panel has its own toggle, which says what it will do and flips only that panel', () => {
    appStore.setState({ leftOpen: true, rightOpen: true });
    renderWithI18n(<Header />, 'en');
    const left = screen.getByRole('button', { name: 'Hide the layers panel' });
    expect(left.getAttribute('aria-controls')).toBe('vt-left');
    expect(left.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(left);
    expect(appStore.getState()).toMatchObject({ leftOpen: false, rightOpen: true });
    expect(left.getAttribute('aria-expanded')).toBe('false');
    expect(left.getAttribute('aria-label')).toBe('Show the layers panel');
    // A mouse user reads the same words on hover.
    expect(left.getAttribute('title')).toBe('Show the layers panel');

    const right = screen.getByRole('button', { name: 'Hide the ranking panel' });
    expect(right.getAttribute('aria-controls')).toBe('vt-right');
    fireEvent.click(right);
    expect(appStore.getState()).toMatchObject({ leftOpen: false, rightOpen: false });
    expect(right.getAttribute('aria-label')).toBe('Show the ranking panel');
  });
});

describe('the layers panel at start', () => {
  /** Answers a media query of min-/max-width as a window `width` px wide would. */
  const windowOf = (width: number) => (query: string) => {
    const min = /min-width: (\d+)px/.exec(query);
    const max = /max-width: (\d+)px/.exec(query);
    return (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
  };

  it('starts closed on laptops narrower than 1,280 px, open on wider screens and on phones', () => {
    for (const w of [761, 1024, 1279]) expect(startsWithLayersOpen(windowOf(w)), `${w}`).toBe(false);
    for (const w of [390, 760, 1280, 1400, 1920])
      expect(startsWithLayersOpen(windowOf(w)), `${w}`).toBe(true);
    expect(LAYERS_CLOSED_BELOW).toBe(1280);
  });

  it('starts open where the window cannot be asked (no matchMedia)', () => {
    expect(startsWithLayersOpen(() => undefined)).toBe(true);
    expect(startsWithLayersOpen()).toBe(
      typeof globalThis.matchMedia !== 'function' ||
        !matchMedia('(min-width: 761px) and (max-width: 1279px)').matches,
    );
  });
});
