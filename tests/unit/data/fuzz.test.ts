import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LoadError, loadLayer, validateLayer, LAYER_ROLES } from '../../../src/data/index.ts';
import { fixtureText } from './helpers.ts';

const base = JSON.parse(fixtureText('hamlets-problems.geojson')) as unknown;

const junk = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.double(),
  fc.constantFrom(Infinity, -Infinity, NaN, 1e308, -0),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('Feature', 'Polygon', 'MultiPolygon', 'Point', 'GeometryCollection', 'LineString'),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.double({ min: -200, max: 200 }), { maxLength: 4 }),
);

type Path = (string | number)[];

function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((c, i) => paths(c, [...at, i], out));
  else if (typeof v === 'object' && v !== null)
    for (const [k, c] of Object.entries(v)) paths(c, [...at, k], out);
  return out;
}

function mutate(doc: unknown, path: Path, value: unknown, mode: 'set' | 'delete' | 'wrap'): unknown {
  if (path.length === 0) return mode === 'wrap' ? [doc] : value;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (mode === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (mode === 'wrap') parent[last] = [parent[last]];
  else parent[last] = value;
  return copy;
}

const allPaths = paths(base);
const mutation = fc.record({
  path: fc.constantFrom(...allPaths),
  value: junk,
  mode: fc.constantFrom('set', 'delete', 'wrap') as fc.Arbitrary<'set' | 'delete' | 'wrap'>,
});

describe('fuzz: randomly mutated GeoJSON', () => {
  it('never throws from the validator, and every rejection has a message and a fix', () => {
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...LAYER_ROLES),
        (muts, role) => {
          let doc = base;
          for (const m of muts) {
            const valid = paths(doc);
            const path = valid.find((p) => p.join('/') === m.path.join('/')) ?? valid[valid.length - 1] ?? [];
            doc = mutate(doc, path, m.value, m.mode);
          }
          const { collection, report } = validateLayer(doc, role, 'fuzz.geojson');
          expect(report.imported).toBe(collection.features.length);
          for (const issue of [...report.skipped, ...report.repaired, ...report.warnings]) {
            expect(issue.message).toMatch(/^fuzz\.geojson: .{5,}/);
            expect(issue.fix.length).toBeGreaterThan(3);
          }
          expect(() => JSON.stringify(collection)).not.toThrow();
        },
      ),
      { numRuns: 1500, seed: 20261126 },
    );
  });

  it('loadLayer only ever fails with a LoadError on mutated text', async () => {
    const text = JSON.stringify(base);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(text.length - 1),
        fc.string({ maxLength: 3 }),
        fc.nat(20),
        async (at, insert, cut) => {
          const mutated = text.slice(0, at) + insert + text.slice(at + cut);
          try {
            await loadLayer({ name: 'fuzz.geojson', data: mutated }, 'hamlets');
          } catch (err) {
            expect(err).toBeInstanceOf(LoadError);
            expect((err as LoadError).message).toMatch(/^fuzz\.geojson: /);
          }
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });
});
