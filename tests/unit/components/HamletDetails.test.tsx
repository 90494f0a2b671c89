// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HamletDetails } from '../../../src/components/panels/HamletDetails.tsx';
import { appStore } from '../../../src/store/store.ts';
import { renderWithI18n, resetStoreWithSample } from './render.tsx';

beforeEach(resetStoreWithSample);
afterEach(cleanup);

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
});
