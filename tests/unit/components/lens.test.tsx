// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { AnalysisSession } from '../../../src/analysis/incremental.ts';
import type { AnalysisResult, InputLayers } from '../../../src/analysis/types.ts';
import { rankLens } from '../../../src/analysis/lensRanking.ts';
import { ColocationPanel } from '../../../src/components/lens/ColocationPanel.tsx';
import { LensBreakdown } from '../../../src/components/lens/LensBreakdown.tsx';
import { LensRankingField } from '../../../src/components/lens/LensRankingField.tsx';
import { OperatorSelect } from '../../../src/components/lens/OperatorSelect.tsx';
import { colocationStore } from '../../../src/store/lens/colocation.ts';
import { scenarioStore } from '../../../src/store/scenario/scenarioStore.ts';
import { appStore, effectiveSettings } from '../../../src/store/store.ts';
import { fourHamlets } from '../../fixtures/lens/fourHamlets.ts';
import { renderWithI18n } from './render.tsx';

let input: InputLayers;
let result: AnalysisResult;

beforeAll(() => {
  input = fourHamlets();
  result = analyze(input);
});

beforeEach(() => {
  appStore.setState(appStore.getInitialState(), true);
  appStore.getState().setData(input, { province: null, districts: null, communes: null, units: null }, []);
  appStore.getState().finishRun(appStore.getState().startRun(), result, 1);
  scenarioStore.getState().setEdits([]);
  colocationStore.setState({ operator: null, status: 'idle', result: null, error: null, selectedId: null });
});
afterEach(cleanup);

describe('OperatorSelect', () => {
  it('offers all operators and those of the data, never free text; choosing one sets the lens', () => {
    renderWithI18n(<OperatorSelect />);
    const select = screen.getByTestId('operator-select') as HTMLSelectElement;
    expect(select.tagName).toBe('SELECT');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Tất cả nhà mạng', 'VNPT', 'Viettel']);
    fireEvent.change(select, { target: { value: 'Viettel' } });
    expect(appStore.getState().lens).toEqual({ operator: 'Viettel', ranking: 'operator-commercial' });
    fireEvent.change(select, { target: { value: '' } });
    expect(appStore.getState().lens.operator).toBeNull();
  });

  it("shows all operators, and says so, for a link's operator that the data do not hold", () => {
    act(() => appStore.getState().applyView({ lens: { operator: 'MobiFone', ranking: 'pooled' } }, 'app'));
    renderWithI18n(<OperatorSelect />, 'en');
    expect((screen.getByTestId('operator-select') as HTMLSelectElement).value).toBe('');
    expect(screen.getByRole('status').textContent).toContain('MobiFone');
  });
});

describe('LensRankingField', () => {
  it("offers the two presets, the operator's only with an operator, and explains each criterion", () => {
    renderWithI18n(<LensRankingField />, 'en');
    const commercial = document.querySelector('[data-ranking="operator-commercial"]') as HTMLInputElement;
    expect(commercial.disabled).toBe(true);
    fireEvent.click(document.querySelector('[data-ranking="public-fund"]') as HTMLInputElement);
    expect(appStore.getState().lens.ranking).toBe('public-fund');
    const criteria = [...document.querySelectorAll('[data-criterion]')].map((e) =>
      e.getAttribute('data-criterion'),
    );
    expect(criteria).toEqual(['whiteHouseholds', 'facilities', 'remotenessM']);
    act(() => appStore.getState().setOperator('VNPT'));
    expect(commercial.disabled).toBe(false);
  });
});

describe('LensBreakdown', () => {
  it("shows each criterion's value, its points against its weight, and the score", () => {
    const rows = rankLens(result.hamlets, effectiveSettings(appStore.getState()), {
      preset: 'operator-commercial',
      operator: 'VNPT',
    });
    // VNPT's gap: A (100 households, all where Viettel covers) and C (100, no operator). Equal gaps count 0;
    // A has the whole competitor share (0.3) and the most competitors (0.2): 0.5.
    const a = rows.find((r) => r.id === 'A')!;
    renderWithI18n(<LensBreakdown row={a} preset="operator-commercial" />, 'en');
    const section = screen.getByTestId('lens-breakdown');
    const rowText = (c: string) => section.querySelector(`[data-criterion="${c}"]`);
    expect(
      [...section.querySelectorAll('[data-criterion]')].map((e) => e.getAttribute('data-criterion')),
    ).toEqual(['gapHouseholds', 'competitorShareOfGap', 'competitors']);
    expect(rowText('gapHouseholds')?.querySelector('.vt-breakdown__value')?.textContent).toBe(' 100');
    expect(rowText('competitorShareOfGap')?.querySelector('.vt-breakdown__value')?.textContent).toBe(' 100%');
    expect(rowText('competitors')?.querySelector('.vt-breakdown__value')?.textContent).toBe(' 1');
    expect(rowText('gapHouseholds')?.querySelector('.vt-num')?.textContent).toBe('0 / 0.5');
    expect(rowText('competitorShareOfGap')?.querySelector('.vt-num')?.textContent).toBe('0.3 / 0.3');
    expect(rowText('competitors')?.querySelector('.vt-num')?.textContent).toBe('0.2 / 0.2');
    expect(screen.getByTestId('lens-score-total').textContent).toBe('0.5');
    expect(within(section).getByRole('heading').textContent).toBe('Why it ranks here');
  });
});

describe('ColocationPanel', () => {
  it('lists candidates by households gained; one shows, one click adds it to the scenario', () => {
    act(() => appStore.getState().setOperator('VNPT'));
    // VNPT on Viettel's mast at A gains A's 100 households; no other site gains it any.
    const found = new AnalysisSession(input).colocation('VNPT');
    expect(found.candidates.map((c) => c.siteId)).toEqual(['vt-a']);
    colocationStore.setState({ operator: 'VNPT', status: 'ready', result: found });
    renderWithI18n(<ColocationPanel />, 'en');
    const panel = screen.getByTestId('colocation-panel');
    const row = within(panel).getByRole('button', { name: 'vt-a' }).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Viettel · share');
    expect(row.textContent).toContain('100');
    fireEvent.click(within(row).getByRole('button', { name: 'vt-a' }));
    expect(colocationStore.getState().selectedId).toBe('vt-a');
    expect(screen.getByTestId('colocation-selected').textContent).toContain('A: +100 households');
    fireEvent.click(screen.getByTestId('colocation-add'));
    expect(scenarioStore.getState().edits).toEqual([{ kind: 'add-site', site: found.candidates[0]!.site }]);
    expect(found.candidates[0]!.site.properties.operator).toBe('VNPT');
    expect(colocationStore.getState().selectedId).toBeNull();
    expect(screen.getByTestId('colocation-status').textContent).toBe('Added vt-a to the scenario.');
  });
});
