import type { Feature, Polygon } from 'geojson';
import { squareAt } from '../../fixtures/cli/makeHamlet.ts';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.ts';
import { hamletFeatures, hamletFeatureTexts, hamletsGeoJson } from '../../../src/analysis/exports.ts';
import {
  addedMembers,
  featureCollectionChunks,
  jsonValue,
  JsonText,
  mergedObjectText,
  NOT_ADDED,
} from '../../../src/analysis/jsonText.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { HamletProps, InputLayers } from '../../../src/analysis/types.ts';
import type { HamletUnit } from '../../../src/analysis/units.ts';

/** Text JSON must escape: quotes, backslashes, controls, a lone surrogate, line separators, Vietnamese. */
const NASTY = 'Xóm "Đông"\\ \n\t\u0001\u001f \ud800 \u2028 </script> =cmd() 🙂';

describe('JSON text built member by member', () => {
  it('writes each value as JSON.stringify does: escapes, non-finite numbers, -0, nested', () => {
    const values: unknown[] = [NASTY, '', 0, -0, 1e21, 1e-7, 0.1 + 0.2, NaN, Infinity, -Infinity];
    values.push(true, false, null, [1, NaN, 'a"b'], { a: [null], b: undefined }, [undefined]);
    for (const v of values) expect(jsonValue(v), String(v)).toBe(JSON.stringify(v));
    // Text that is JSON already is written as it is.
    expect(jsonValue(new JsonText('["S1","x\\"y"]'))).toBe('["S1","x\\"y"]');
    // Left out of an object, as JSON leaves them.
    expect(jsonValue(undefined)).toBeUndefined();
    expect(jsonValue(() => 1)).toBeUndefined();
  });

  it('merges added members into an object as spreading them does, key order and escapes included', () => {
    const base = {
      name: NASTY,
      households: 12,
      '10': 'ten',
      '2': 'two',
      [NASTY]: 'key',
      gone: undefined,
      status: 'input',
      nan: NaN,
      keep: 'kept',
    };
    const added = addedMembers(['area_m2', 'households', 'status', 'keep', 'rank', 'none', 'late']);
    const values = [1.5, -0, undefined, NOT_ADDED, Infinity, NOT_ADDED, [NASTY]];
    // households is replaced in place, status (undefined) leaves the member out, keep stays the input's,
    // none is not added at all; integer keys come first as JavaScript orders them.
    const reference = {
      ...base,
      area_m2: 1.5,
      households: -0,
      status: undefined,
      rank: Infinity,
      late: [NASTY],
    };
    const text = mergedObjectText(base, added, values);
    expect(text).toBe(JSON.stringify(reference));
    expect(text.startsWith('{"2":"two","10":"ten","name":')).toBe(true);
    expect(mergedObjectText(null, added, values)).toBe(
      JSON.stringify({ area_m2: 1.5, households: 0, rank: null, late: [NASTY] }),
    );
    expect(mergedObjectText({}, addedMembers([]), [])).toBe('{}');
  });

  it('refuses a key named twice', () => {
    expect(() => addedMembers(['a', 'b', 'a'])).toThrow(/named twice/);
  });

  it('joins feature texts into a collection as JSON.stringify writes it', () => {
    const fs = [{ a: 1 }, { b: NASTY }, { c: [NaN] }];
    const whole = { type: 'FeatureCollection', features: fs };
    expect([...featureCollectionChunks(fs.map((f) => JSON.stringify(f)))].join('')).toBe(
      JSON.stringify(whole) + '\n',
    );
    expect([...featureCollectionChunks([])].join('')).toBe('{"type":"FeatureCollection","features":[]}\n');
  });
});

const hamlet = (id: string, x: number, props: Partial<HamletProps> & Record<string, unknown>) =>
  ({
    type: 'Feature',
    geometry: squareAt(x),
    properties: { id, name: `Thôn ${id}`, households: 40, commune_code: 'C1', ...props },
  }) as Feature<Polygon, HamletProps>;

describe('the hamlets export as texts', () => {
  // Input properties that collide with results (households, status, rank), odd keys and text to escape.
  const hamlets = [
    hamlet('H1', 106.2, { name: NASTY, status: 'from input', '7': 'seven', rank: 'first', nan: null }),
    hamlet('H2', 106.21, { households: 0, note: '=SUM(A1)' }),
    hamlet('H3', 106.22, { mobile_tests: 'input figure' }),
  ];
  const site = {
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [106.202, 20.002] },
    properties: { id: 'S1', tech: '4G', radius_m: 400, operator: 'Viettel' },
  };
  const tileAt = (x: number) => ({
    type: 'Feature' as const,
    geometry: squareAt(x),
    properties: { quadkey: '', avg_d_kbps: 2000, avg_u_kbps: 500, avg_lat_ms: 80, tests: 8 },
  });
  const layers: InputLayers = {
    hamlets: { type: 'FeatureCollection', features: hamlets },
    sites: { type: 'FeatureCollection', features: [site] },
    mobileTests: { type: 'FeatureCollection', features: [tileAt(106.2)] },
  } as InputLayers;
  const result = analyze(layers, DEFAULT_SETTINGS);
  const units = new Map<string, HamletUnit>([
    [
      'H1',
      { id: 'H1', name: 'x', code: 'U1', unitName: NASTY, share: 0.987654, method: 'overlap' } as HamletUnit,
    ],
    ['H2', { id: 'H2', name: 'y', code: '', unitName: '', share: 0, method: 'none' } as HamletUnit],
  ]);

  it('are each feature of hamletFeatures as JSON.stringify writes it, with units, a lens and reach', () => {
    expect(result.measured).toBeDefined();
    const reach: Record<string, unknown[]> = { H1: [['S1', NASTY]], H2: [[]], H3: [[NaN]] };
    const more = { keys: ['reach_sites', 'reach_fibre'], values: (id: string) => [...(reach[id] ?? []), -1] };
    for (const opts of [{}, { units }, { units, operator: 'Viettel' }]) {
      const texts = [...hamletFeatureTexts(result, layers.hamlets, opts, more)];
      const objects = [...hamletFeatures(result, layers.hamlets, opts)];
      expect(texts).toHaveLength(3);
      texts.forEach((t, i) => {
        const f = objects[i] as Feature;
        const id = String(f.properties?.id);
        f.properties = { ...f.properties, reach_sites: reach[id]?.[0], reach_fibre: -1 };
        expect(t).toBe(JSON.stringify(f));
      });
    }
    // The whole collection, beside the object builder.
    expect([...featureCollectionChunks(hamletFeatureTexts(result, layers.hamlets))].join('')).toBe(
      JSON.stringify(hamletsGeoJson(result, layers.hamlets)) + '\n',
    );
  });

  it("keeps an input's own value where a hamlet has no measured figures", () => {
    const m = result.measured!;
    const partial = { ...result, measured: { ...m, hamlets: m.hamlets.filter((h) => h.id !== 'H3') } };
    const [, , h3] = [...hamletFeatureTexts(partial, layers.hamlets)];
    expect(JSON.parse(h3 ?? '').properties.mobile_tests).toBe('input figure');
    expect(h3).toBe(JSON.stringify([...hamletFeatures(partial, layers.hamlets)][2]));
  });
});
