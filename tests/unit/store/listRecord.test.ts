import { describe, expect, it } from 'vitest';
import { decodeList, encodeList, LIST_FORMAT, LIST_RECORD } from '../../../src/store/persist/listRecord.ts';
import {
  decodeResult,
  encodeResult,
  RESULT_FORMAT_VERSION,
  ResultCodecError,
} from '../../../src/data/resultCodec.ts';
import { buildRows } from '../../../src/store/rows.ts';
import { sampleRun } from '../../fixtures/sampleRun.ts';

// The shipped province: ranked and served hamlets, fibre and 4G, every market class.
const { result } = sampleRun();
const KEY = 'w.js|imported|abc|{}';

/** The list's stored form as an object, changed by `edit`, written back as a list record. */
async function edited(edit: (form: Record<string, unknown>) => void): Promise<ArrayBuffer> {
  const form = (await decodeResult(await encodeList(KEY, result), undefined, LIST_RECORD)) as Record<
    string,
    unknown
  >;
  edit(form);
  return encodeResult(form, undefined, LIST_RECORD);
}

describe('the saved list', () => {
  it('reads back the rows the full result builds, in the same order, with its roll-ups and key', async () => {
    const rows = buildRows(result);
    // The sample has ranked and unranked hamlets: both kinds of "none" go through the columns.
    expect(rows.some((r) => r.rank === null && r.costPerHouseholdVnd === null)).toBe(true);
    expect(rows.some((r) => r.rank !== null && r.tier !== null && r.noFibre)).toBe(true);
    expect(new Set(rows.map((r) => r.recommendedTech)).size).toBeGreaterThan(1);
    const list = await decodeList(await encodeList(KEY, result));
    expect(list.key).toBe(KEY);
    expect(list.rows).toStrictEqual(rows);
    expect(list.summary).toStrictEqual(result.summary);
  });

  it('is a fraction of the full result', async () => {
    const list = await encodeList(KEY, result);
    const full = await encodeResult(result);
    expect(list.byteLength * 3).toBeLessThan(full.byteLength);
  });

  it('refuses bytes of another format version, of another kind, cut short, or with a wrong column', async () => {
    const otherVersion = await encodeList(KEY, result);
    new DataView(otherVersion).setUint32(4, RESULT_FORMAT_VERSION + 1, true);
    const refused: [string, ArrayBuffer, RegExp][] = [
      ['codec version', otherVersion, /format version/],
      ['a result record', await encodeResult(result), /not a saved list/],
      ['cut short', (await encodeList(KEY, result)).slice(0, 300), /cut short|unreadable/],
      [
        'list format',
        await edited((f) => {
          f.format = LIST_FORMAT + 1;
        }),
        /list format/,
      ],
      [
        'a column too short',
        await edited((f) => {
          (f.name as string[]).pop();
        }),
        /list column name/,
      ],
      [
        'a status outside its set',
        await edited((f) => {
          (f.status as string[])[0] = 'maybe';
        }),
        /list column status/,
      ],
      [
        'a tier outside 1–3',
        await edited((f) => {
          (f.tier as number[])[0] = 7;
        }),
        /list tier 7/,
      ],
      [
        'no key',
        await edited((f) => {
          delete f.key;
        }),
        /list header/,
      ],
    ];
    for (const [what, bytes, message] of refused) {
      const read = decodeList(bytes);
      await expect(read, what).rejects.toBeInstanceOf(ResultCodecError);
      await expect(read, what).rejects.toThrow(message);
    }
  });
});
