import { describe, expect, it } from 'vitest';
import {
  buildRows,
  filterRows,
  indexRows,
  buildRowsInSlices,
  rowSearchIndex,
  sortRows,
} from '../../../src/store/rows.ts';
import { resultViews, resultViewsInSlices } from '../../../src/store/slices/analysisSlice.ts';
import { EMPTY_FILTERS } from '../../../src/store/viewState.ts';
import { sampleResult } from './sampleResult.ts';

const rows = buildRows(sampleResult());

describe('buildRows', () => {
  it('puts ranked hamlets first in rank order and served (unranked) ones last', () => {
    expect(rows.map((r) => [r.id, r.rank])).toEqual([
      ['h1', 1],
      ['h2', 2],
      ['h3', null],
    ]);
  });

  it('orders hundreds of hamlets as sorting by rank would, unranked ones in the result’s order', () => {
    const base = sampleResult();
    const [template] = base.hamlets;
    // 300 hamlets, a third of them ranked, ranks handed out in a scrambled order.
    const hamlets = Array.from({ length: 300 }, (_, i) => ({
      ...template!,
      id: `x${i}`,
      name: `Xóm ${i % 7}`,
    }));
    const rankedIds = hamlets.filter((_, i) => i % 3 === 0).map((h) => h.id);
    const ranking = rankedIds.map((id, k) => ({
      ...base.ranking[0]!,
      id,
      rank: ((k * 37) % rankedIds.length) + 1,
    }));
    const built = buildRows({ ...base, hamlets, ranking });
    const ranks = built.map((r) => r.rank);
    expect(ranks.slice(0, rankedIds.length)).toEqual(rankedIds.map((_, k) => k + 1));
    expect(built.slice(rankedIds.length).map((r) => r.id)).toEqual(
      hamlets.filter((_, i) => i % 3 !== 0).map((h) => h.id),
    );
    // Same as the list's own sort of the rows in the result's order.
    const inOrder = hamlets.map((h) => built.find((r) => r.id === h.id)!);
    expect(sortRows(inOrder, { key: 'rank', dir: 'asc' })).toEqual(built);
    expect(rowSearchIndex(built.find((r) => r.id === 'x0')!)[0]?.words).toEqual(['xom', '0']);
  });
});

describe('the rows in slices', () => {
  const base = sampleResult();
  const hamlets = Array.from({ length: 1000 }, (_, i) => ({ ...base.hamlets[i % 3]!, id: `x${i}` }));
  const ranking = hamlets
    .filter((_, i) => i % 4 === 0)
    .map((h, k, all) => ({ ...base.ranking[0]!, id: h.id, rank: all.length - k }));
  const big = { ...base, hamlets, ranking };
  const unitOf = new Map([['x4', { code: 'U1', unitName: 'Phường Một' }]]) as never;

  it('are the rows and lookups built in one go, with pauses between slices', async () => {
    let pauses = 0;
    const pause = () => {
      pauses++;
      return Promise.resolve();
    };
    const views = await resultViewsInSlices(big, unitOf, pause);
    expect(views).toEqual(resultViews(big, unitOf));
    expect(views.rows[0]).toMatchObject({ id: 'x996', rank: 1 });
    expect(views.rows.find((r) => r.id === 'x4')).toMatchObject({ unitName: 'Phường Một' });
    expect(await buildRowsInSlices(big, unitOf, pause)).toEqual(buildRows(big, unitOf));
    // Each of the two builds pauses every 256 rows.
    expect(pauses).toBeGreaterThanOrEqual(2 * 4);
  });
});

describe('filterRows', () => {
  it('filters by district, status, tier and technology gap', () => {
    expect(filterRows(rows, { ...EMPTY_FILTERS, district: '10' }).map((r) => r.id)).toEqual(['h1', 'h3']);
    expect(filterRows(rows, { ...EMPTY_FILTERS, status: 'partial' }).map((r) => r.id)).toEqual(['h2']);
    expect(filterRows(rows, { ...EMPTY_FILTERS, tier: 1 }).map((r) => r.id)).toEqual(['h1']);
    expect(filterRows(rows, { ...EMPTY_FILTERS, gap: 'noMbb' }).map((r) => r.id)).toEqual(['h1', 'h2']);
    expect(filterRows(rows, { ...EMPTY_FILTERS, gap: 'both' }).map((r) => r.id)).toEqual(['h1']);
  });
  it('searches without diacritics, including đ → d', () => {
    expect(filterRows(rows, { ...EMPTY_FILTERS, search: 'thon dong' }).map((r) => r.id)).toEqual(['h2']);
    expect(filterRows(rows, { ...EMPTY_FILTERS, search: 'giao thuy' }).map((r) => r.id)).toEqual([
      'h1',
      'h3',
    ]);
  });
});

describe('sortRows', () => {
  it('sorts by uncovered households both ways', () => {
    expect(sortRows(rows, { key: 'uncoveredHouseholds', dir: 'desc' }).map((r) => r.id)).toEqual([
      'h1',
      'h2',
      'h3',
    ]);
    expect(sortRows(rows, { key: 'uncoveredHouseholds', dir: 'asc' }).map((r) => r.id)).toEqual([
      'h3',
      'h2',
      'h1',
    ]);
  });
  it('keeps rows without a score last whichever the direction', () => {
    expect(sortRows(rows, { key: 'score', dir: 'asc' }).map((r) => r.id)).toEqual(['h2', 'h1', 'h3']);
    expect(sortRows(rows, { key: 'score', dir: 'desc' }).map((r) => r.id)).toEqual(['h1', 'h2', 'h3']);
  });
  it('returns rows already in order as a copy, and sorts them when they are not', () => {
    const byRank = sortRows(rows, { key: 'rank', dir: 'asc' });
    expect(byRank).toEqual(rows);
    expect(byRank).not.toBe(rows);
    expect(sortRows([...rows].reverse(), { key: 'rank', dir: 'asc' }).map((r) => r.id)).toEqual([
      'h1',
      'h2',
      'h3',
    ]);
    expect(sortRows(rows, { key: 'rank', dir: 'desc' }).map((r) => r.id)).toEqual(['h2', 'h1', 'h3']);
  });
  it('sorts names with Vietnamese collation', () => {
    expect(sortRows(rows, { key: 'name', dir: 'asc' }).map((r) => r.name)).toEqual([
      'Thôn Đông',
      'Tổ dân phố 3',
      'Xóm 1',
    ]);
  });
});

describe('the rows’ search index', () => {
  const many = (n: number) => {
    const base = buildRows(sampleResult())[0]!;
    return Array.from({ length: n }, (_, i) => ({ ...base, id: `row-${i}`, name: `Xóm ${i % 7}` }));
  };

  it('is built ahead in slices of 2,000 rows, each after a pause, each row once, and a search finds the same rows', async () => {
    const list = many(4500);
    const fresh = many(4500);
    let pauses = 0;
    await indexRows(list, async () => {
      pauses++;
    });
    expect(pauses).toBe(3);
    const index = rowSearchIndex(list[4499]!);
    expect(index[0]?.words).toEqual(['xom', String(4499 % 7)]);
    expect(index[3]?.words).toEqual(['row', '4499']);
    // Kept: asked again, the same index.
    expect(rowSearchIndex(list[4499]!)).toBe(index);
    // Rows never indexed ahead are indexed by the search itself, with the same result.
    const query = { ...EMPTY_FILTERS, search: 'xom 3' };
    expect(filterRows(list, query).map((r) => r.id)).toEqual(filterRows(fresh, query).map((r) => r.id));
    expect(filterRows(list, query)).toHaveLength(643);
  });

  it('stops between slices when asked', async () => {
    const list = many(4500);
    let pauses = 0;
    await indexRows(
      list,
      async () => {
        pauses++;
      },
      () => pauses > 0,
    );
    expect(pauses).toBe(1);
  });
});
