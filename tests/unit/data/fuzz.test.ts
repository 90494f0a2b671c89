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

/** Every path in `v`, depth first (the node, then its children in order): where mutations may land. */
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((c, i) => paths(c, [...at, i], out));
  else if (typeof v === 'object' && v !== null)
    for (const [k, c] of Object.entries(v)) paths(c, [...at, k], out);
  return out;
}

const children = (v: unknown): [string | number, unknown][] =>
  Array.isArray(v) ? v.map((c, i) => [i, c]) : typeof v === 'object' && v !== null ? Object.entries(v) : [];

/**
 * Where a mutation drawn for the original document lands in the mutated one: the path itself when it
 * still leads somewhere, else the last path of the document in `paths` order. Walks the path and the
 * last children instead of listing every path of the document for each mutation.
 */
function landing(doc: unknown, path: Path): Path {
  let node = doc;
  for (const key of path) {
    const next = children(node).find(([k]) => String(k) === String(key));
    if (!next) return lastPath(doc);
    node = next[1];
  }
  return path;
}

function lastPath(doc: unknown): Path {
  const at: Path = [];
  for (let kids = children(doc); kids.length > 0;) {
    const [k, c] = kids[kids.length - 1] as [string | number, unknown];
    at.push(k);
    kids = children(c);
  }
  return at;
}

/** Applies one mutation to `doc` in place (the caller clones the original once); returns the new root. */
function mutate(doc: unknown, path: Path, value: unknown, mode: 'set' | 'delete' | 'wrap'): unknown {
  const fresh = structuredClone(value); // junk constants are shared between runs: never mutate them
  if (path.length === 0) return mode === 'wrap' ? [doc] : fresh;
  let parent = doc as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (mode === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (mode === 'wrap') parent[last] = [parent[last]];
  else parent[last] = fresh;
  return doc;
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
          let doc = structuredClone(base);
          for (const m of muts) doc = mutate(doc, landing(doc, m.path), m.value, m.mode);
          // Plain checks, not expect(): the same conditions at a fraction of the cost per run.
          const { collection, report } = validateLayer(doc, role, 'fuzz.geojson');
          if (report.imported !== collection.features.length)
            throw new Error(`imported ${report.imported} but ${collection.features.length} features kept`);
          for (const issue of [...report.skipped, ...report.repaired, ...report.warnings]) {
            if (!/^fuzz\.geojson: .{5,}/.test(issue.message) || issue.fix.length <= 3)
              throw new Error(
                `an issue without a message naming the file and a fix: ${JSON.stringify(issue)}`,
              );
          }
          JSON.stringify(collection);
        },
      ),
      { numRuns: 800, seed: 20261126 },
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
      { numRuns: 300, seed: 7 },
    );
  });
});
