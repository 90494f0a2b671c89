// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HamletDetails } from '../../../src/components/panels/HamletDetails.tsx';
import { scenarioStore } from '../../../src/store/scenario/scenarioStore.ts';
import { appStore } from '../../../src/store/store.ts';
import { renderWithI18n, resetStoreWithSample } from './render.tsx';

beforeEach(() => {
  resetStoreWithSample();
  scenarioStore.setState(scenarioStore.getInitialState(), true);
});
afterEach(cleanup);
/** The text with non-breaking spaces as plain ones. */
const text = (id: string) => screen.getByTestId(id).textContent?.replace(/\u00a0/g, ' ');

describe('HamletDetails', () => {
  it('asks for a selection when none is made', () => {
    renderWithI18n(<HamletDetails />);
    expect(screen.getByText('Chọn một thôn trên bản đồ hoặc trong danh sách.')).toBeTruthy();
  });

  it('shows the score breakdown that adds up to the score, and the recommendation', () => {
    act(() => appStore.getState().selectHamlet('h1', 'app'));
    renderWithI18n(<HamletDetails />, 'en');
    expect(screen.getByRole('heading', { name: 'Xóm 1' })).toBeTruthy();
    const criteria = [...document.querySelectorAll('[data-criterion]')].map((e) =>
      e.getAttribute('data-criterion'),
    );
    expect(criteria).toEqual(['uncoveredHouseholds', 'uncoveredShare', 'facilities', 'costPerHousehold']);
    // Sample breakdown 0.4 / 0.2 / 0.2 / 0.1 against the equity weights 0.4 / 0.2 / 0.3 / 0.1.
    expect(document.querySelector('[data-criterion="facilities"] .vt-num')?.textContent).toBe('0.2 / 0.3');
    expect(screen.getByTestId('score-total').textContent).toBe('0.9');
    expect(screen.getByTestId('recommended-tech').textContent).toBe('New 4G site');
    expect(screen.getByText(/Trường Tiểu học Giao Thủy/)).toBeTruthy();
  });

  it('says a served hamlet is not ranked and shows no breakdown', () => {
    act(() => appStore.getState().selectHamlet('h3', 'app'));
    renderWithI18n(<HamletDetails />);
    expect(screen.getByText('Đã phủ — không xếp hạng')).toBeTruthy();
    expect(document.querySelector('[data-criterion]')).toBeNull();
  });

  it('formats numbers the Vietnamese way', () => {
    act(() => appStore.getState().selectHamlet('h1', 'app'));
    renderWithI18n(<HamletDetails />);
    expect(document.querySelector('[data-criterion="facilities"] .vt-num')?.textContent).toBe('0,2 / 0,3');
  });

  it('picks the commune as the area from the hamlet’s location link', () => {
    act(() => appStore.getState().selectHamlet('h1', 'app'));
    renderWithI18n(<HamletDetails />);
    fireEvent.click(screen.getByRole('button', { name: 'Xã Giao Thủy' }));
    expect(appStore.getState()).toMatchObject({ area: { level: 'commune', code: '100' }, rightTab: 'area' });
  });

  it('uses the data model’s words: tier 1 is “unserved”, not “white”; “Đề xuất” once', () => {
    act(() => appStore.getState().selectHamlet('h1', 'app'));
    renderWithI18n(<HamletDetails />);
    const all = screen.getByTestId('hamlet-details').textContent ?? '';
    expect(all).toContain('Hạng 1 · Nhóm 1: chưa phủ');
    expect(all).not.toMatch(/thôn trắng/);
    expect(all.match(/Đề xuất/g)).toHaveLength(1);
    expect(screen.getByRole('heading', { name: 'Đề xuất đầu tư' })).toBeTruthy();
  });

  it('names the nearest access fibre and the nearest backbone apart, each as such', () => {
    act(() => appStore.getState().selectHamlet('h1', 'app'));
    renderWithI18n(<HamletDetails />);
    expect(screen.getByText('Cáp quang truy nhập gần nhất')).toBeTruthy();
    expect(text('nearest-access-fibre')).toBe('3,1 km (f1)');
    expect(screen.getByText(/^Cáp quang trục gần nhất/)).toBeTruthy();
    expect(text('nearest-backbone')).toBe('2,5 km (b1)');
  });

  it('never names a site switched off in the scenario as the nearest 4G/5G site', () => {
    act(() => appStore.getState().selectHamlet('h1', 'app'));
    renderWithI18n(<HamletDetails />);
    expect(text('nearest-site')).toBe('4,2 km (s1)');
    act(() => scenarioStore.getState().setEdits([{ kind: 'site-off', siteId: 's1', at: [106.3, 20.2] }]));
    expect(text('nearest-site')).not.toContain('s1');
    expect(text('nearest-site')).toBe('đang tính lại…');
  });

  it('gives money in words: triệu and tỷ đồng, million and billion VND', () => {
    act(() => appStore.getState().selectHamlet('h1', 'app'));
    const { unmount } = renderWithI18n(<HamletDetails />);
    const all = () => (screen.getByTestId('hamlet-details').textContent ?? '').replace(/\u00a0/g, ' ');
    expect(all()).toContain('100 triệu đồng');
    expect(all()).toContain('1,8 tỷ đồng');
    expect(all()).not.toMatch(/₫/);
    unmount();
    renderWithI18n(<HamletDetails />, 'en');
    expect(all()).toContain('100 million VND');
    expect(all()).toContain('1.8 billion VND');
  });
});
