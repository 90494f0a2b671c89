// The page's side of the sample's result built with the app (`tools/shippedResult.ts` computes it): no
// engine code here, since the page's first module imports it.

/**
 * Where the built app keeps the shipped result (`url`) and its list (`listUrl`, a saved list, DATA-MODEL
 * "Saved list", under the key `settings`), and the settings they were computed with (canonical JSON).
 */
export interface ShippedResult {
  url: string;
  listUrl: string;
  settings: string;
}

const prefetched = new Map<string, Promise<ArrayBuffer>>();

/**
 * Fetches one of the shipped files' bytes; errors name the file and the fix. A fetch started by
 * `prefetchShipped` for the same URL is taken instead of a new one.
 */
export async function fetchShippedBytes(
  url: string,
  load: (url: string) => Promise<Response> = (u) => fetch(u),
): Promise<ArrayBuffer> {
  const ahead = prefetched.get(url);
  if (ahead) {
    prefetched.delete(url);
    return ahead;
  }
  const res = await load(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}; rebuild the app with npm run build`);
  return res.arrayBuffer();
}

/** Starts fetching the shipped list and result while the app's code loads (`src/boot.ts`). */
export function prefetchShipped(shipped: ShippedResult): void {
  for (const url of [shipped.listUrl, shipped.url]) {
    const bytes = fetchShippedBytes(url);
    bytes.catch(() => undefined);
    prefetched.set(url, bytes);
  }
}
