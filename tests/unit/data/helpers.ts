import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/import');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Ellipsoid-free great-circle distance in metres; plenty for a 2 m tolerance. */
export function metresBetween(a: number[], b: number[]): number {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = ((b[1] as number) - (a[1] as number)) * rad;
  const dLon = ((b[0] as number) - (a[0] as number)) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos((a[1] as number) * rad) * Math.cos((b[1] as number) * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
