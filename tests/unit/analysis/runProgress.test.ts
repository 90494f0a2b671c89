import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { withDefaults } from '../../../src/analysis/settings.ts';
import { blockGrid } from './blockGrid.ts';

describe('a run’s progress', () => {
  it('says “preparing” once, before any hamlet, then counts the hamlets up to all of them', () => {
    const layers = blockGrid();
    const calls: [number, number, string][] = [];
    const result = analyze(layers, withDefaults({}), (done, total, phase) =>
      calls.push([done, total, phase]),
    );
    const n = result.hamlets.length;
    expect(calls[0]).toEqual([0, n, 'preparing']);
    expect(calls.slice(1).every(([, t, p]) => p === 'hamlets' && t === n)).toBe(true);
    expect(calls.at(-1)).toEqual([n, n, 'hamlets']);
    const done = calls.slice(1).map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });
});
