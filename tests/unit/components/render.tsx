import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../src/i18n/i18n.ts';
import { appStore } from '../../../src/store/store.ts';
import type { Lang } from '../../../src/store/viewState.ts';
import { sampleInput, sampleResult } from '../store/sampleResult.ts';

// The store's own first state (its actions close over appStore), not what an earlier test file left.
const pristine = appStore.getInitialState();

/** Resets the app store to a fresh state holding the three-hamlet sample result. */
export function resetStoreWithSample(): void {
  appStore.setState(pristine, true);
  appStore
    .getState()
    .setData(sampleInput(), { province: null, units: null, districts: null, communes: null }, ['hamlets']);
  const runId = appStore.getState().startRun();
  appStore.getState().finishRun(runId, sampleResult(), 5);
}

export function renderWithI18n(ui: ReactElement, lang: Lang = 'vi'): RenderResult {
  appStore.getState().setLang(lang);
  return render(<I18nextProvider i18n={createI18n(lang)}>{ui}</I18nextProvider>);
}

/**
 * jsdom does no layout, so every element is 0 × 0 and a virtualised list would render no rows. Give
 * elements a plausible client size, as a browser would.
 */
export function giveElementsASize(width = 600, height = 480): void {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
}
