// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BreakdownTable, type BreakdownPart } from '../../../src/components/panels/BreakdownTable.tsx';
import { renderWithI18n } from './render.tsx';

afterEach(cleanup);

const PARTS: BreakdownPart[] = [
  { criterion: 'a', label: 'Households', points: 0.25, weight: 0.5, fraction: 0.5 },
  { criterion: 'b', label: <em>Share</em>, points: 0.3, weight: 0.3, fraction: 1.4 },
  { criterion: 'c', label: 'Cost', points: 0, weight: 0.2, fraction: -0.1 },
];

function table(lang: 'vi' | 'en' = 'en') {
  return renderWithI18n(
    <BreakdownTable
      id="t-title"
      title="Why here"
      parts={PARTS}
      totalLabel="Score"
      total={0.55}
      totalTestId="t-total"
      testId="t-breakdown"
    />,
    lang,
  );
}

/** The width of each row's filled bar (the second rect), in the bar's 0–100 units. */
const barWidths = () =>
  [...document.querySelectorAll('[data-criterion] .vt-breakdown__bar rect:last-child')].map((r) =>
    r.getAttribute('width'),
  );

describe('BreakdownTable', () => {
  it('a row per part (label, bar, points / weight), then the total, in a section its heading names', () => {
    table();
    const section = screen.getByRole('region', { name: 'Why here' });
    expect(section.getAttribute('data-testid')).toBe('t-breakdown');
    const rows = within(section).getAllByRole('row');
    expect(rows.map((r) => r.getAttribute('data-criterion'))).toEqual(['a', 'b', 'c', null]);
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual([
      'Households',
      'Share',
      'Cost',
      'Score',
    ]);
    expect(rows[1]?.querySelector('th em')?.textContent).toBe('Share');
    expect(rows.map((r) => r.querySelector('.vt-num')?.textContent)).toEqual([
      '0.25 / 0.5',
      '0.3 / 0.3',
      '0 / 0.2',
      '0.55',
    ]);
    expect(screen.getByTestId('t-total').textContent).toBe('0.55');
  });

  it("draws each bar at its part's share, clamped to 0–1", () => {
    table();
    expect(barWidths()).toEqual(['50', '100', '0']);
  });

  it('formats the figures in the chosen language', () => {
    table('vi');
    expect(document.querySelector('[data-criterion="a"] .vt-num')?.textContent).toBe('0,25 / 0,5');
  });
});
