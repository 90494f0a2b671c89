import { linkIssue, type LinkIssue } from './linkIssue.ts';
import type { ComparePair } from '../versions/versionStore.ts';

/** The compared versions in a link: the pair, and whether the map shows their changes. */
export interface SharedComparison extends ComparePair {
  map: boolean;
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 80;

/**
 * Link keys (DATA-MODEL §11): `vc` the version ids compared `[before, after]`, `vm: 0` when the map does not
 * show the changes. Nothing when no versions are compared.
 */
export function encodeComparison(c: SharedComparison | null | undefined): Record<string, unknown> {
  if (!c) return {};
  return { vc: [c.before, c.after], ...(c.map ? {} : { vm: 0 }) };
}

/** The comparison of a link, or null (none, or a damaged one: then a problem says so). */
export function decodeComparison(
  p: Record<string, unknown>,
  problems: { push(p: LinkIssue): unknown },
): SharedComparison | null {
  if (!('vc' in p)) return null;
  const v = p.vc;
  if (Array.isArray(v) && v.length === 2 && isId(v[0]) && isId(v[1]))
    return { before: v[0], after: v[1], map: p.vm !== 0 };
  problems.push(
    linkIssue(
      'badComparison',
      'The versions compared in the link could not be read; no comparison is shown.',
    ),
  );
  return null;
}
