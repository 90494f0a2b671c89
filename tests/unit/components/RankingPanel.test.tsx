// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RankingPanel } from '../../../src/components/ranking/RankingPanel.tsx';
import { appStore } from '../../../src/store/store.ts';
import { giveElementsASize, renderWithI18n, resetStoreWithSample } from './render.tsx';

const rowIds = () =>
  [...document.querySelectorAll('[data-hamlet-id]')].map((e) => e.getAttribute('data-hamlet-id'));

beforeAll(() => giveElementsASize());
beforeEach(resetStoreWithSample);
afterEach(cleanup);

describe('RankingPanel', () => {
  it('lists hamlets in rank order with the served one last', () => {
    renderWithI18n(<RankingPanel />);
    expect(rowIds()).toEqual(['h1', 'h2', 'h3']);
    expect(screen.getByTestId('ranking-count').textContent).toBe('3 / 3 thôn');
  });

  it('sorts by uncovered households, biggest first, then flips', () => {
    renderWithI18n(<RankingPanel />);
    const button = document.querySelector('[data-sort="uncoveredHouseholds"]') as HTMLButtonElement;
    fireEvent.click(button);
    expect(rowIds()).toEqual(['h1', 'h2', 'h3']);
    expect(button.closest('[role="columnheader"]')?.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(button);
    expect(rowIds()).toEqual(['h3', 'h2', 'h1']);
  });

  it('filters by status and searches without diacritics', () => {
    renderWithI18n(<RankingPanel />);
    fireEvent.change(screen.getByTestId('filter-status'), { target: { value: 'partial' } });
    expect(rowIds()).toEqual(['h2']);
    fireEvent.change(screen.getByTestId('filter-status'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('ranking-search'), { target: { value: 'giao thuy' } });
    expect(rowIds()).toEqual(['h1', 'h3']);
    expect(screen.getByTestId('ranking-count').textContent).toBe('2 / 3 thôn');
  });

  it('selects a hamlet when its row is clicked, marking the row', () => {
    renderWithI18n(<RankingPanel />);
    fireEvent.click(
      within(document.querySelector('[data-hamlet-id="h2"]') as HTMLElement).getByText('Thôn Đông'),
    );
    expect(appStore.getState()).toMatchObject({ selectedHamletId: 'h2', selectionSource: 'app' });
    expect(document.querySelector('[data-hamlet-id="h2"]')?.getAttribute('aria-selected')).toBe('true');
  });

  it('moves the selection with the arrow keys', () => {
    renderWithI18n(<RankingPanel />);
    act(() => appStore.getState().selectHamlet('h1', 'app'));
    fireEvent.keyDown(screen.getByTestId('ranking-body'), { key: 'ArrowDown' });
    expect(appStore.getState().selectedHamletId).toBe('h2');
  });

  it('puts one row in the Tab order, and Home, End and the arrows move from the focused row', () => {
    renderWithI18n(<RankingPanel />);
    const tabbable = () =>
      [...document.querySelectorAll('[data-row-focus]')]
        .filter((e) => e.getAttribute('tabindex') === '0')
        .map((e) => e.getAttribute('data-row-focus'));
    expect(tabbable()).toEqual(['h1']);
    const button = (id: string) => document.querySelector(`[data-row-focus="${id}"]`) as HTMLElement;
    fireEvent.keyDown(button('h1'), { key: 'End' });
    expect(appStore.getState().selectedHamletId).toBe('h3');
    expect(tabbable()).toEqual(['h3']);
    fireEvent.keyDown(button('h3'), { key: 'Home' });
    expect(appStore.getState().selectedHamletId).toBe('h1');
    // From the row that has the focus, whatever is selected.
    fireEvent.keyDown(button('h2'), { key: 'ArrowDown' });
    expect(appStore.getState().selectedHamletId).toBe('h3');
  });

  it('shows English headings and English number format after switching', () => {
    renderWithI18n(<RankingPanel />, 'en');
    expect(screen.getByText('Hamlets ranked for investment')).toBeTruthy();
    expect(screen.getByTestId('ranking-count').textContent).toBe('3 / 3 hamlets');
  });
});
