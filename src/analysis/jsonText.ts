/**
 * JSON text exactly as `JSON.stringify` writes it, built member by member: a large export is written
 * without building an object per feature first (the hamlets of a national run, src/cli).
 */

/**
 * A value's JSON text as `JSON.stringify` writes it inside an object; undefined where it leaves the member
 * out (undefined, functions, symbols). Non-finite numbers are `null`, -0 is `0`; a {@link JsonText} is
 * its text.
 *
 * @example jsonValue(NaN) // 'null'
 * @example jsonValue('Xóm "Đông"') // '"Xóm \\"Đông\\""'
 */
export function jsonValue(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof JsonText) return v.text;
  return JSON.stringify(v);
}

/** A value given as its JSON text already (e.g. a list of ids escaped once): {@link jsonValue} writes it as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}

/** Marks a member an object does not get from {@link AddedMembers} (its own value, if any, stays). */
export const NOT_ADDED: unique symbol = Symbol('not added');

/** Members added to objects that have their own: their keys in order, and where each key is. */
export interface AddedMembers {
  keys: readonly string[];
  at: ReadonlyMap<string, number>;
  /** Each key's JSON text and a colon, made once; base keys met so far likewise (a few hundred at most). */
  keyTexts: readonly string[];
  baseKeyTexts: Map<string, string>;
}

/** The keys of members to add, each once (a key twice is a mistake in the caller's list). */
export function addedMembers(keys: readonly string[]): AddedMembers {
  const at = new Map(keys.map((k, i) => [k, i]));
  if (at.size !== keys.length) throw new Error(`Added members named twice: ${keys.join(', ')}`);
  return { keys, at, keyTexts: keys.map((k) => JSON.stringify(k) + ':'), baseKeyTexts: new Map() };
}

/** Base keys whose texts are kept: beyond this many (a file with a key per feature) they are made each time. */
const KEY_TEXTS_KEPT = 512;

function baseKeyText(added: AddedMembers, k: string): string {
  let t = added.baseKeyTexts.get(k);
  if (t === undefined) {
    t = JSON.stringify(k) + ':';
    if (added.baseKeyTexts.size < KEY_TEXTS_KEPT) added.baseKeyTexts.set(k, t);
  }
  return t;
}

/**
 * The JSON text of `{ ...base, [added.keys[i]]: values[i], … }`, as `JSON.stringify` writes it: base's
 * members in their order (integer keys first, as JavaScript orders them), an added key that base has in
 * base's place with the added value, then the other added keys in order. A value {@link NOT_ADDED} adds
 * nothing; a value undefined leaves the member out, as JSON does.
 *
 * @example
 * mergedObjectText({ id: 'h1', status: 'x' }, addedMembers(['status', 'rank']), ['served', null])
 * // '{"id":"h1","status":"served","rank":null}'
 */
export function mergedObjectText(
  base: Readonly<Record<string, unknown>> | null | undefined,
  added: AddedMembers,
  values: readonly unknown[],
): string {
  let text = '{';
  let sep = '';
  let taken: number[] | null = null;
  if (base) {
    for (const k of Object.keys(base)) {
      const i = added.at.get(k);
      let v = base[k];
      if (i !== undefined && values[i] !== NOT_ADDED) {
        v = values[i];
        (taken ??= []).push(i);
      }
      const t = jsonValue(v);
      if (t === undefined) continue;
      text += sep + baseKeyText(added, k) + t;
      sep = ',';
    }
  }
  for (let i = 0; i < added.keys.length; i++) {
    const v = values[i];
    if (v === NOT_ADDED || taken?.includes(i)) continue;
    const t = jsonValue(v);
    if (t === undefined) continue;
    text += sep + added.keyTexts[i] + t;
    sep = ',';
  }
  return text + '}';
}

/**
 * A FeatureCollection as `JSON.stringify(collection) + '\n'` writes it, from its features' JSON texts, a
 * feature at a time: the chunks joined are that text exactly.
 */
export function* featureCollectionChunks(featureTexts: Iterable<string>): Generator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for (const t of featureTexts) {
    yield first ? t : ',' + t;
    first = false;
  }
  yield ']}\n';
}

/** A feature's JSON text (`{"type":"Feature","geometry":…,"properties":…}`) from its parts' texts. */
export function featureText(geometry: unknown, propertiesText: string): string {
  const g = jsonValue(geometry);
  return (
    '{"type":"Feature"' +
    (g === undefined ? '' : ',"geometry":' + g) +
    ',"properties":' +
    propertiesText +
    '}'
  );
}
