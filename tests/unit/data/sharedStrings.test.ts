import { describe, expect, it } from 'vitest';
import { SharedStrings } from '../../../src/data/sharedStrings.ts';
import { sampleRun } from '../../fixtures/sampleRun.ts';

describe('SharedStrings', () => {
  it('gives back the first string equal to the one asked for', () => {
    const shared = new SharedStrings();
    const first = ['Xã ', 'Hải Hậu'].join('');
    expect(shared.of(first)).toBe(first);
    expect(shared.of(['Xã Hải', ' Hậu'].join(''))).toBe('Xã Hải Hậu');
    expect(shared.of('Viettel')).toBe('Viettel');
  });

  it("leaves every hamlet of the province's result as it was, field for field", () => {
    const { result } = sampleRun();
    // As the page receives them: structured clones, in chunks, through one table.
    const copies = structuredClone(result.hamlets);
    const shared = new SharedStrings();
    for (const h of copies) shared.hamlet(h);
    expect(copies).toStrictEqual(result.hamlets);
    expect(copies.some((h) => h.facilitiesInGap.length > 0)).toBe(true);
    expect(copies.some((h) => h.operators.names.length > 1)).toBe(true);
  });
});
