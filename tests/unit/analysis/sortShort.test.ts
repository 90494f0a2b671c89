import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames } from '../../../src/analysis/operatorNames.ts';
import { sortShort } from '../../../src/analysis/sortShort.ts';

describe('sortShort', () => {
  it('gives the order of Array.prototype.sort, ties kept in place, short and long lists', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }), (keys) => {
        const items = keys.map((key, at) => ({ key, at }));
        const byKey = (a: { key: number }, b: { key: number }): number => a.key - b.key;
        const mine = [...items];
        expect(sortShort(mine, byKey)).toBe(mine);
        expect(mine).toEqual([...items].sort(byKey));
      }),
      { numRuns: 500 },
    );
  });

  it('sorts operator names as the operator figures do (code units: capitals first)', () => {
    const names = ['Viettel', 'VNPT', 'MobiFone', 'Vietnamobile'];
    expect(sortShort(names, compareNames)).toEqual(['MobiFone', 'VNPT', 'Vietnamobile', 'Viettel']);
  });
});
