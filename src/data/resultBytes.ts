/** Where each result's bytes (`RESULT_RECORD`) can be had without encoding it on the page, by result. */
const sources = new WeakMap<object, () => Promise<ArrayBuffer | null>>();

/**
 * Records where the bytes of `result` come from (the analysis worker that computed it encodes them there):
 * saving the result then writes those instead of encoding it in slices of the page's time. The source
 * resolves null when it no longer can (a newer run, a what-if edit, the worker gone).
 */
export function rememberResultBytes(result: object, source: () => Promise<ArrayBuffer | null>): void {
  sources.set(result, source);
}

/** The source recorded for `result` (`rememberResultBytes`), if any. */
export function resultBytesSource(result: object): (() => Promise<ArrayBuffer | null>) | undefined {
  return sources.get(result);
}
