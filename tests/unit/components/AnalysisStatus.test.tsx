// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnalysisStatus } from '../../../src/components/panels/AnalysisStatus.tsx';
import { appStore } from '../../../src/store/store.ts';
import { SPECS, sampleInput, sampleResult } from '../store/sampleResult.ts';
import { renderWithI18n } from './render.tsx';

beforeEach(() => appStore.setState(appStore.getInitialState(), true));
afterEach(cleanup);
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

  it('says the analysis is being prepared until the first hamlet is counted, in both languages', () => {
    renderWithI18n(<AnalysisStatus />, 'en');
    let runId = 0;
    act(() => {
      runId = appStore.getState().startRun();
      appStore.getState().setProgress(runId, { done: 0, total: 89_088, phase: 'preparing' });
    });
    expect(shown()).toBe('Preparing the analysis…');
    act(() => appStore.getState().setProgress(runId, { done: 44_544, total: 89_088, phase: 'hamlets' }));
    expect(shown()).toBe('Analysing… 50%');
    cleanup();
    renderWithI18n(<AnalysisStatus />);
    act(() => appStore.getState().setProgress(runId, { done: 0, total: 10, phase: 'preparing' }));
    expect(shown()).toBe('Đang chuẩn bị phân tích…');
  });

  it('says a worker that stopped twice in words, with a Retry that asks the runner for another run', () => {
    renderWithI18n(<AnalysisStatus />);
    act(() => {
      const runId = appStore.getState().startRun();
      appStore.getState().failRun(runId, 'The analysis worker stopped twice (it stopped).', 'worker');
    });
    expect(shown()).toBe(
      'Bộ phân tích dừng đột ngột hai lần (thường do thiếu bộ nhớ). Hãy đóng bớt thẻ khác rồi thử lại; nếu vẫn lỗi, tải lại trang.Thử lại',
    );
    const retries = appStore.getState().retries;
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(appStore.getState().retries).toBe(retries + 1);
    expect(appStore.getState().analysisError).toBeNull();
  });

  it('says a result read back from an earlier visit is the saved one, not “finished in 0 seconds”', () => {
    renderWithI18n(<AnalysisStatus />, 'en');
    act(() => {
      const runId = appStore.getState().startRun();
      appStore.getState().finishRun(runId, sampleResult(), 12, undefined, 'cache');
    });
    expect(shown()).toBe('The saved result of the last analysis (same data and settings)');
  });

  it('offers Stop while an import is analysed, which puts the earlier data back and says so', () => {
    const noAdmin = { province: null, units: null, districts: null, communes: null };
    const sample = sampleInput();
    appStore.getState().setData(sample, noAdmin, []);
    renderWithI18n(<AnalysisStatus />);
    act(() => {
      appStore.getState().setImportedData(sampleInput(SPECS.slice(0, 1)), noAdmin, [], ['a.geojson'], true);
      appStore.getState().startRun();
    });
    expect(shown()).toBe('Đang phân tích… 0%Dừng, giữ dữ liệu trước đó');
    fireEvent.click(screen.getByRole('button', { name: 'Dừng, giữ dữ liệu trước đó' }));
    expect(appStore.getState().input).toBe(sample);
    expect(screen.queryByRole('button')).toBeNull();
    act(() => {
      const runId = appStore.getState().startRun();
      appStore.getState().finishRun(runId, sampleResult(), 12, undefined, 'cache');
    });
    expect(shown()).toBe('Đã dừng nhập: dữ liệu trước khi nhập đã được khôi phục.');
    // A later run (a setting changed) says its own outcome again.
    act(() => {
      const runId = appStore.getState().startRun();
      appStore.getState().finishRun(runId, sampleResult(), 640);
    });
    expect(shown()).toBe('Phân tích xong trong 640 ms');
  });

  it('has no Stop for a run of data that was not just imported (a setting changed)', () => {
    renderWithI18n(<AnalysisStatus />, 'en');
    act(() => {
      appStore.getState().startRun();
    });
    expect(shown()).toBe('Analysing… 0%');
    expect(screen.queryByRole('button')).toBeNull();
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
