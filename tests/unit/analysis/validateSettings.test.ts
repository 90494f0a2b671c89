import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, PRESETS, withDefaults } from '../../../src/analysis/settings.ts';
import { validateSettings } from '../../../src/analysis/validateSettings.ts';

const keysOf = (raw: unknown) => validateSettings(raw).problems.map((p) => p.key);

describe('validateSettings', () => {
  it('accepts the defaults, both presets and custom weights whole', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(validateSettings({ preset: 'commercial', weights: PRESETS.commercial }).problems).toEqual([]);
    const custom = { preset: 'custom', weights: { ...PRESETS.equity, facilities: 0 } };
    expect(validateSettings(custom)).toEqual({ settings: custom, problems: [] });
    expect(validateSettings({}).problems).toEqual([]);
  });

  it('refuses 20 000 000 circle segments with the key, the value and the range', () => {
    const { settings, problems } = validateSettings({ circleSegments: 20_000_000, fibreServiceRadiusM: 800 });
    expect(settings).toEqual({ fibreServiceRadiusM: 800 });
    expect(problems).toEqual([
      {
        kind: 'number',
        key: 'circleSegments',
        value: '20000000',
        rule: { kind: 'number', min: 8, max: 256, integer: true, unit: 'count' },
        message: '"circleSegments" is 20000000; it must be a whole number from 8 to 256.',
      },
    ]);
    expect(keysOf({ circleSegments: 64.5 })).toEqual(['circleSegments']);
    expect(keysOf({ circleSegments: 4 })).toEqual(['circleSegments']);
  });

  it('refuses a preset named "__proto__" (or any word but the three)', () => {
    const { settings, problems } = validateSettings({ preset: '__proto__' });
    expect(settings).toEqual({});
    expect(problems[0]?.message).toBe(
      '"preset" is "__proto__"; it must be one of "equity", "commercial", "custom".',
    );
    expect(keysOf({ preset: 'constructor' })).toEqual(['preset']);
    expect(keysOf({ preset: 1 })).toEqual(['preset']);
  });

  it('refuses negative, zero and too long radii, everywhere a radius is', () => {
    const raw = {
      fibreServiceRadiusM: -5,
      defaultRadiusM: { '4G': 0, '5G': 600, '2G': 50_001 },
      cost: { newSiteRadiusM: -1, siteVnd: 1 },
    };
    const { settings, problems } = validateSettings(raw);
    expect(problems.map((p) => p.key)).toEqual([
      'fibreServiceRadiusM',
      'defaultRadiusM.4G',
      'defaultRadiusM.2G',
      'cost.newSiteRadiusM',
    ]);
    expect(problems[0]?.message).toBe(
      '"fibreServiceRadiusM" is -5; it must be a distance from 1 to 50000 metres.',
    );
    expect(settings).toEqual({ defaultRadiusM: { '5G': 600 }, cost: { siteVnd: 1 } });
  });

  it('refuses text where a number belongs ("abc", "500")', () => {
    const { settings, problems } = validateSettings({ fibreServiceRadiusM: 'abc', cost: { siteVnd: '500' } });
    expect(settings).toEqual({});
    expect(problems.map((p) => [p.key, p.value])).toEqual([
      ['fibreServiceRadiusM', '"abc"'],
      ['cost.siteVnd', '"500"'],
    ]);
    expect(problems[1]?.message).toBe(
      '"cost.siteVnd" is "500"; it must be an amount in VND from 0 to 10000000000000.',
    );
  });

  it('refuses NaN, Infinity and null, which JSON cannot carry but saved state and code can', () => {
    const raw = {
      fibreServiceRadiusM: NaN,
      thresholds: { served: Infinity, noMbb: -Infinity, noFibre: null },
      weights: { facilities: Number.MAX_VALUE },
    };
    const { settings, problems } = validateSettings(raw);
    expect(settings).toEqual({});
    expect(problems.map((p) => [p.key, p.value])).toEqual([
      ['fibreServiceRadiusM', 'NaN'],
      ['thresholds.served', 'Infinity'],
      ['thresholds.noMbb', '-Infinity'],
      ['thresholds.noFibre', 'null'],
      ['weights.facilities', '1.7976931348623157e+308'],
    ]);
  });

  it('names unknown keys, at the top and inside groups, own "__proto__" included', () => {
    const raw = JSON.parse(
      '{"fibreRadius": 500, "__proto__": {"polluted": 1}, "cost": {"siteVND": 1, "siteVnd": 2}}',
    ) as unknown;
    const { settings, problems } = validateSettings(raw);
    expect(problems.map((p) => [p.kind, p.key])).toEqual([
      ['unknown', 'cost.siteVND'],
      ['unknown', 'fibreRadius'],
      ['unknown', '__proto__'],
    ]);
    expect(problems[1]?.message).toMatch(
      /^"fibreRadius" is not a setting this version knows; remove it \(known/,
    );
    expect(settings).toEqual({ cost: { siteVnd: 2 } });
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('lists five unknown keys and counts the rest, so a hostile input cannot flood a notice', () => {
    const raw = Object.fromEntries(Array.from({ length: 8000 }, (_, i) => [`k${i}`, i]));
    const { problems } = validateSettings(raw);
    expect(problems).toHaveLength(6);
    expect(problems[5]).toMatchObject({ kind: 'moreUnknown', count: 7995 });
    expect(JSON.stringify(problems).length).toBeLessThan(3000);
  });

  it('refuses groups of the wrong type and settings that are not an object at all', () => {
    const raw = { thresholds: 5, weights: [1, 2], cost: 'cheap', defaultRadiusM: null };
    const { settings, problems } = validateSettings(raw);
    expect(settings).toEqual({});
    expect(problems.map((p) => [p.kind, p.key, p.value])).toEqual([
      ['object', 'thresholds', '5'],
      ['object', 'weights', '[1,2]'],
      ['object', 'cost', '"cheap"'],
      ['object', 'defaultRadiusM', 'null'],
    ]);
    expect(validateSettings('abc').problems[0]).toMatchObject({ kind: 'object', key: 'settings' });
    expect(validateSettings([]).problems[0]).toMatchObject({ kind: 'object', key: 'settings' });
    expect(validateSettings({ thresholds: { served: { x: 1 } } }).problems[0]?.key).toBe('thresholds.served');
  });

  it('keeps the unserved threshold below the served one, given or default', () => {
    const both = validateSettings({ thresholds: { served: 0.4, unserved: 0.6, noMbb: 0.1 } });
    expect(both.settings).toEqual({ thresholds: { noMbb: 0.1 } });
    expect(both.problems).toEqual([
      expect.objectContaining({
        kind: 'order',
        key: 'thresholds.unserved',
        other: { key: 'thresholds.served', value: 0.4 },
        message: '"thresholds.unserved" is 0.6; it must be below "thresholds.served" (0.4).',
      }),
    ]);
    // Against the default unserved share (0.05): a served share of 0.05 leaves no room between them.
    const served = validateSettings({ thresholds: { served: 0.05 } });
    expect(served.settings).toEqual({});
    expect(served.problems[0]?.message).toBe(
      '"thresholds.served" is 0.05; it must be above "thresholds.unserved" (0.05).',
    );
    expect(validateSettings({ thresholds: { served: 1, unserved: 0 } }).problems).toEqual([]);
  });

  it('returns settings that withDefaults completes into a whole valid set', () => {
    const raw = { preset: 'custom', weights: { facilities: 2 }, circleSegments: 'many', extra: 1 };
    const full = withDefaults(validateSettings(raw).settings);
    expect(validateSettings(full).problems).toEqual([]);
    expect(full.weights.facilities).toBe(2);
    expect(full.circleSegments).toBe(DEFAULT_SETTINGS.circleSegments);
  });
});
