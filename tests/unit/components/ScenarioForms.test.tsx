// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioEdit } from '../../../src/analysis/scenarioTypes.ts';
import { SavedScenarios } from '../../../src/components/scenario/SavedScenarios.tsx';
import { SuggestForm } from '../../../src/components/scenario/SuggestForm.tsx';
import { scenarioStore } from '../../../src/store/scenario/scenarioStore.ts';
import { renderWithI18n } from './render.tsx';

beforeEach(() => scenarioStore.setState(scenarioStore.getInitialState(), true));
afterEach(cleanup);

const off = (siteId: string): ScenarioEdit => ({ kind: 'site-off', siteId, at: [106.2, 20.2] });

describe('SavedScenarios', () => {
  it('says what the checkboxes are for: each is labelled “So sánh: <name>”', () => {
    act(() =>
      scenarioStore.getState().setSaved([
        { id: 'A', name: 'Một trạm', edits: [off('s1')], delta: null },
        { id: 'B', name: 'Hai trạm', edits: [off('s1'), off('s2')], delta: null },
      ]),
    );
    renderWithI18n(<SavedScenarios />);
    expect(screen.getByText('Đánh dấu các phương án để so sánh')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'So sánh: Một trạm' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'So sánh: Hai trạm' }));
    expect(screen.getByTestId('scenario-compare').querySelectorAll('thead th')).toHaveLength(3);
  });
});

describe('SuggestForm', () => {
  it('asks before a suggestion replaces the edits on the map, and keeps them on “no”', () => {
    act(() => scenarioStore.getState().setEdits([off('s1'), off('s2')]));
    renderWithI18n(<SuggestForm />);
    fireEvent.click(screen.getByTestId('scenario-suggest'));
    const dialog = screen.getByRole('alertdialog', { name: 'Thay các thay đổi hiện có?' });
    expect(dialog.textContent).toContain('thay 2 thay đổi');
    fireEvent.click(screen.getByRole('button', { name: 'Giữ các thay đổi' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(scenarioStore.getState().edits.map((e) => e.kind)).toEqual(['site-off', 'site-off']);
    expect(screen.getByText('Đã giữ các thay đổi hiện có.')).toBeTruthy();
  });

  it('does not ask when there is nothing to replace', () => {
    renderWithI18n(<SuggestForm />, 'en');
    fireEvent.click(screen.getByTestId('scenario-suggest'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
