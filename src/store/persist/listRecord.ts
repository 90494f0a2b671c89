import type {
  AnalysisResult,
  HamletStatus,
  MarketClass,
  RecommendedTech,
  Summary,
} from '../../analysis/types.ts';
import { buildRowsInSlices, type HamletRow } from '../rows.ts';
import {
  decodeResult,
  encodeResult,
  noPause,
  ResultCodecError,
  type Pause,
  type RecordKind,
} from '../../data/resultCodec.ts';

/**
 * The saved list (DATA-MODEL "Saved list"): what the ranked list and the roll-ups show, kept beside a saved
 * result and read before it after a reload. The rows' fields as columns in the list's order (strings once,
 * through the result codec's string table; numbers as float64 runs, NaN for "none"), the result's summary,
 * and the key of the result it was built from.
 */
export const LIST_RECORD: RecordKind = {
  magic: 0x534c5456 /* "VTLS" */,
  pauseDepth: 1,
  what: 'a saved list',
};

/** The columns' layout; another number is refused (the full result is read instead). */
export const LIST_FORMAT = 1;

/** A list read back: its rows (no units: they come with the layers) and roll-ups, and its result's key. */
export interface SavedList {
  key: string;
  rows: HamletRow[];
  summary: Summary;
}

const TEXT = ['id', 'name', 'commune', 'communeCode', 'district', 'districtCode'] as const;
const ENUMS = {
  status: ['unserved', 'partial', 'served'] satisfies HamletStatus[],
  recommendedTech: ['fibre', '4G site', 'none'] satisfies RecommendedTech[],
  market: ['white', 'grey', 'black'] satisfies MarketClass[],
};
const NUMBERS = ['households', 'uncoveredHouseholds', 'broadbandShare'] as const;
const OR_NONE = ['rank', 'tier', 'costPerHouseholdVnd', 'score'] as const;

type Columns = { [K in (typeof TEXT)[number] | keyof typeof ENUMS]: string[] } & {
  [K in (typeof NUMBERS)[number] | (typeof OR_NONE)[number]]: number[];
} & { gaps: number[] };

interface ListForm extends Columns {
  format: number;
  key: string;
  count: number;
  summary: Summary;
}

/** The list of `result` as bytes, under the key of `result` (`resultKey`). */
export async function encodeList(
  key: string,
  result: AnalysisResult,
  pause: Pause = noPause,
): Promise<ArrayBuffer> {
  // The rows, then a column at a time, between pauses: at 89,000 hamlets the rows alone took ~100 ms.
  const rows = await buildRowsInSlices(result, undefined, pause);
  const form = { format: LIST_FORMAT, key, count: rows.length, summary: result.summary } as ListForm;
  for (const c of TEXT) {
    form[c] = rows.map((r) => r[c]);
    await pause();
  }
  for (const c of Object.keys(ENUMS) as (keyof typeof ENUMS)[]) {
    form[c] = rows.map((r) => r[c]);
    await pause();
  }
  for (const c of NUMBERS) {
    form[c] = rows.map((r) => r[c]);
    await pause();
  }
  for (const c of OR_NONE) {
    form[c] = rows.map((r) => r[c] ?? NaN);
    await pause();
  }
  form.gaps = rows.map((r) => (r.noFibre ? 1 : 0) | (r.noMbb ? 2 : 0));
  return encodeResult(form, pause, LIST_RECORD);
}

/**
 * The list `encodeList` wrote, its rows built in slices (`pause`; their search index is built when a
 * search needs it or after the list is shown, `indexRows`). Rejects with
 * `ResultCodecError` for bytes of another kind or version, a column of the wrong length or type, or a value
 * outside its set: the caller then reads the full result instead, never shows a wrong list.
 */
export async function decodeList(bytes: ArrayBuffer, pause: Pause = noPause): Promise<SavedList> {
  const form = await decodeResult(bytes, pause, LIST_RECORD);
  if (!isObject(form) || form.format !== LIST_FORMAT) throw new ResultCodecError('list format');
  const { key, count, summary } = form;
  if (typeof key !== 'string' || !isCount(count) || !isObject(summary))
    throw new ResultCodecError('list header');
  const column = <T>(name: string, ok: (v: unknown) => v is T): T[] => {
    const c = form[name];
    if (!Array.isArray(c) || c.length !== count || !c.every(ok))
      throw new ResultCodecError(`list column ${name}`);
    return c as T[];
  };
  const text = Object.fromEntries(TEXT.map((c) => [c, column(c, isString)])) as Record<
    (typeof TEXT)[number],
    string[]
  >;
  const enums = Object.fromEntries(
    Object.entries(ENUMS).map(([c, set]) => [
      c,
      column(c, (v): v is string => (set as readonly unknown[]).includes(v)),
    ]),
  ) as Record<keyof typeof ENUMS, string[]>;
  const numbers = Object.fromEntries(NUMBERS.map((c) => [c, column(c, isFinite)])) as Record<
    (typeof NUMBERS)[number],
    number[]
  >;
  const orNone = Object.fromEntries(OR_NONE.map((c) => [c, column(c, isNumber)])) as Record<
    (typeof OR_NONE)[number],
    number[]
  >;
  const gaps = column('gaps', (v): v is number => v === 0 || v === 1 || v === 2 || v === 3);
  const none = (v: number): number | null => (Number.isNaN(v) ? null : v);
  const rows: HamletRow[] = new Array<HamletRow>(count);
  for (let i = 0; i < count; i++) {
    const tier = none(orNone.tier[i]!);
    if (tier !== null && tier !== 1 && tier !== 2 && tier !== 3)
      throw new ResultCodecError(`list tier ${tier}`);
    rows[i] = {
      id: text.id[i]!,
      rank: none(orNone.rank[i]!),
      tier,
      name: text.name[i]!,
      commune: text.commune[i]!,
      communeCode: text.communeCode[i]!,
      district: text.district[i]!,
      districtCode: text.districtCode[i]!,
      unitCode: '',
      unitName: '',
      status: enums.status[i] as HamletRow['status'],
      households: numbers.households[i]!,
      uncoveredHouseholds: numbers.uncoveredHouseholds[i]!,
      broadbandShare: numbers.broadbandShare[i]!,
      costPerHouseholdVnd: none(orNone.costPerHouseholdVnd[i]!),
      score: none(orNone.score[i]!),
      recommendedTech: enums.recommendedTech[i] as HamletRow['recommendedTech'],
      noFibre: (gaps[i]! & 1) !== 0,
      noMbb: (gaps[i]! & 2) !== 0,
      market: enums.market[i] as HamletRow['market'],
    };
    if (i % 1024 === 1023) await pause();
  }
  return { key, rows, summary: summary as unknown as Summary };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';
const isFinite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
