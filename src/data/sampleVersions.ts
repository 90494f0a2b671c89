import { date as CURRENT_DATE } from '../../geodata/manifest.json';
import { sampleUrls } from './sampleUrls.ts';

/**
 * The shipped sample's network at earlier dates (geodata/versions/<date>/: sites and fibre; DATA-MODEL §13).
 * Vite emits each file as a hashed asset and gives its URL; nothing is fetched until a version is analysed.
 */
const VERSION_URLS = import.meta.glob<string>('../../geodata/versions/*/*.geojson', {
  query: '?url',
  import: 'default',
  eager: true,
});

/** One built-in version: its date and the URL of each of its layers. */
export interface SampleVersion {
  date: string;
  urls: Record<string, string>;
}

/**
 * The sample's built-in versions, oldest first: each earlier folder's sites and fibre with the sample's
 * hamlets, facilities and boundaries (the same in every version), then the sample itself at its date.
 *
 * @example sampleVersions().map((v) => v.date) // ['2022-12', '2024-12', '2026-06']
 */
export function sampleVersions(): SampleVersion[] {
  const base = sampleUrls();
  const byDate = new Map<string, Record<string, string>>();
  for (const [path, url] of Object.entries(VERSION_URLS)) {
    const m = /versions\/([^/]+)\/([^/]+)\.geojson$/.exec(path);
    if (!m) continue;
    const [, date, name] = m as unknown as [string, string, string];
    byDate.set(date, { ...(byDate.get(date) ?? base), [name]: url });
  }
  const out = [...byDate].map(([date, urls]) => ({ date, urls }));
  if (!byDate.has(CURRENT_DATE)) out.push({ date: CURRENT_DATE, urls: base });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
