import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../../src/analysis/settings.ts';
import { AheadProgress } from '../../../src/worker/aheadProgress.ts';

const defaults = withDefaults({});
const key = JSON.stringify(defaults);

describe('AheadProgress', () => {
  it('relays the run ahead to a first run with the same settings, starting with the latest report', () => {
    const p = new AheadProgress(key);
    p.receive([100, 2784, 'hamlets']);
    p.receive([900, 2784, 'hamlets']);
    const seen: [number, number, string][] = [];
    p.attach(withDefaults({}), (d, t, ph) => seen.push([d, t, ph]));
    p.receive([2000, 2784, 'hamlets']);
    p.receive(null);
    p.receive([2784, 2784, 'hamlets']);
    expect(seen).toEqual([
      [900, 2784, 'hamlets'],
      [2000, 2784, 'hamlets'],
    ]);
  });

  it('relays nothing to a run with other settings, after it detaches, or once the run ahead ended', () => {
    const p = new AheadProgress(key);
    p.receive([100, 2784, 'hamlets']);
    const other: number[] = [];
    p.attach({ ...defaults, fibreServiceRadiusM: 800 }, (d) => other.push(d));
    const detached: number[] = [];
    p.attach(defaults, (d) => detached.push(d))();
    p.receive([500, 2784, 'hamlets']);
    p.receive(null);
    const late: number[] = [];
    p.attach(defaults, (d) => late.push(d));
    expect(other).toEqual([]);
    expect(detached).toEqual([100]);
    expect(late).toEqual([]);
  });
});
