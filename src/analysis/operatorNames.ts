import type { InputLayers } from './types.ts';

// Apart from the engine, so the page and the CLI can list operators without bundling Clipper.

/** The operator of sites, fibre and coverage polygons that name none: they count as one operator. */
export const ANONYMOUS_OPERATOR = '(no operator)';

/**
 * A feature's operator as the analysis counts it: the `operator` property trimmed, with runs of spaces made
 * one; empty or missing is ANONYMOUS_OPERATOR. Case is kept ("Viettel" and "VIETTEL" are two operators).
 *
 * @example
 * operatorOf({ operator: ' Viettel ' }); // 'Viettel'
 */
export function operatorOf(props: { operator?: unknown } | null | undefined): string {
  const v = props?.operator;
  if (v === undefined || v === null) return ANONYMOUS_OPERATOR;
  const name = String(v).trim().replace(/\s+/g, ' ');
  return name === '' ? ANONYMOUS_OPERATOR : name;
}

/**
 * The operators found in the sites, coverage and fibre layers (any technology, on or off), sorted in
 * code-unit order; ANONYMOUS_OPERATOR is among them when some feature names none. What an operator
 * selector offers, and what an unknown operator name is checked against.
 *
 * @example
 * operatorsInLayers(layers); // ['MobiFone', 'VNPT', 'Viettel']
 */
export function operatorsInLayers(layers: Partial<InputLayers>): string[] {
  const found = new Set<string>();
  for (const layer of [layers.sites, layers.coverage, layers.fibre]) {
    for (const f of layer?.features ?? []) found.add(operatorOf(f?.properties));
  }
  return [...found].sort(compareNames);
}

/** Plain code-unit order, the same on every machine. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
