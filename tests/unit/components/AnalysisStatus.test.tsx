// @vitest-environment jsdom
import { act, cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisStatus } from '../../../src/components/panels/AnalysisStatus.tsx';
import { appStore } from '../../../src/store/store.ts';
import { sampleResult } from '../store/sampleResult.ts';
import { renderWithI18n } from './render.tsx';

const pristine = appStore.getState();
afterEach(() => {
  cleanup();
  appStore.setState(pristine, true);
});
const shown = () => document.body.textContent?.replace(/\u00a0/g, ' ');

describe('AnalysisStatus', () => {
  it('says “Đang phân tích” on a first run and “lại” only when a result is already on screen', () => {
    renderWithI18n(<AnalysisStatus />);
    let runId = 0;
    act(() => {
      runId = appStore.getState().startRun();
    });
    expect(shown()).toBe('Đang phân tích… 0%');
    act(() => appStore.getState().finishRun(runId, sampleResult(), 1912));
    expect(shown()).toBe('Phân tích xong trong 1,9 giây');
    act(() => {
      appStore.getState().startRun();
    });
    expect(shown()).toBe('Đang phân tích lại… 0%');
  });

  it('says a result read back from an earlier visit is the saved one, not “finished in 0 seconds”', () => {
    renderWithI18n(<AnalysisStatus />, 'en');
    act(() => {
      const runId = appStore.getState().startRun();
      appStore.getState().finishRun(runId, sampleResult(), 12, undefined, 'cache');
    });
    expect(shown()).toBe('The saved result of the last analysis (same data and settings)');
  });

  it('gives short runs in milliseconds and long ones in minutes', () => {
    renderWithI18n(<AnalysisStatus />, 'en');
    act(() => {
      const runId = appStore.getState().startRun();
      appStore.getState().finishRun(runId, sampleResult(), 640);
    });
    expect(shown()).toBe('Analysis finished in 640 ms');
    act(() => {
      const runId = appStore.getState().startRun();
      appStore.getState().finishRun(runId, sampleResult(), 125_000);
    });
    expect(shown()).toBe('Analysis finished in 2 min 5 s');
  });
});
