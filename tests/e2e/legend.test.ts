import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ZONES, rgb } from '../../src/map/palette.ts';
import type { HamletColourBy } from '../../src/store/viewState.ts';
import { screenshot } from './browser.ts';
import { waitForMapIdle, appForFile } from './driver.ts';

const app = appForFile();

type Kind = 'served' | 'partial' | 'unservedWhite' | 'weak';

interface Picked {
  id: string;
  status: string;
  broadbandShare: number;
  uncoveredHouseholds: number;
  score: number | null;
}

/**
 * Centres the map on an unserved hamlet with a white zone (the largest first), and picks, among the hamlets
 * wholly in view, the largest of each kind: served without zones, partial, that kind of unserved one, and
 * an unserved one with a weak zone. Tries the next such hamlet until all four are in one view.
 */
async function pickHamlets(p: Page): Promise<Record<Kind, Picked>> {
  const centres = await p.evaluate(() => {
    const s = window.__vt!.store.getState();
    const features = new Map(s.input!.hamlets.features.map((f) => [f.properties.id, f]));
    return s
      .result!.hamlets.filter((x) => x.status === 'unserved' && x.whiteZone)
      .sort((a, b) => b.areaM2 - a.areaM2)
      .slice(0, 12)
      .map((h) => {
        const g = features.get(h.id)!.geometry;
        const ring = (g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0]![0])!;
        const xs = ring.map((q) => q[0]!);
        const ys = ring.map((q) => q[1]!);
        return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2] as [
          number,
          number,
        ];
      });
  });
  for (const centre of centres) {
    await p.evaluate((c) => window.__vt!.map.jumpTo({ center: c, zoom: 12.5 }), centre);
    await waitForMapIdle(p);
    const picked = await p.evaluate(() => {
      const s = window.__vt!.store.getState();
      const map = window.__vt!.map;
      const { clientWidth: w, clientHeight: h } = map.getCanvas();
      const score = new Map(s.result!.ranking.map((r) => [r.id, r.score]));
      const features = new Map(s.input!.hamlets.features.map((f) => [f.properties.id, f]));
      const best: Partial<Record<Kind, { area: number; picked: Picked }>> = {};
      for (const x of s.result!.hamlets) {
        const kind: Kind | null =
          x.status === 'unserved'
            ? x.whiteZone
              ? 'unservedWhite'
              : x.weakZone
                ? 'weak'
                : null
            : x.status === 'partial'
              ? 'partial'
              : x.whiteZone || x.weakZone
                ? null
                : 'served';
        if (!kind) continue;
        const g = features.get(x.id)!.geometry;
        const rings = (
          g.type === 'Polygon' ? [g.coordinates[0]!] : g.coordinates.map((poly) => poly[0]!)
        ).map((ring) => ring.map((q) => map.project([q[0]!, q[1]!])));
        if (rings.flat().some((q) => q.x < 20 || q.y < 20 || q.x > w - 20 || q.y > h - 20)) continue;
        let area = 0;
        for (const r of rings)
          for (let i = 0; i < r.length - 1; i++) area += (r[i]!.x * r[i + 1]!.y - r[i + 1]!.x * r[i]!.y) / 2;
        area = Math.abs(area);
        if ((best[kind]?.area ?? 0) >= area) continue;
        best[kind] = {
          area,
          picked: {
            id: x.id,
            status: x.status,
            broadbandShare: x.broadbandShare,
            uncoveredHouseholds: x.uncoveredHouseholds,
            score: score.get(x.id) ?? null,
          },
        };
      }
      const kinds = ['served', 'partial', 'unservedWhite', 'weak'] as const;
      return kinds.every((k) => best[k])
        ? (Object.fromEntries(kinds.map((k) => [k, best[k]!.picked])) as Record<Kind, Picked>)
        : null;
    });
    if (picked) return picked;
  }
  throw new Error('no view has a served, a partial, a white-zone and a weak-zone hamlet wholly in it');
}

interface Sample {
  /** The most frequent colour inside the hamlet (away from its edges) and its share of the pixels. */
  mode: [number, number, number];
  modeShare: number;
  pixels: number;
  /** Shares of pixels inside the hamlet's white / weak zone that have the zone's hatch colour. */
  whiteHatch: number;
  weakHatch: number;
}

/** Reads the map canvas (not a screenshot: the HTML labels stay out) inside each hamlet and its zones. */
async function sample(
  p: Page,
  ids: string[],
  white: number[],
  weak: number[],
): Promise<Record<string, Sample>> {
  return p.evaluate(
    ({ ids, white, weak }) => {
      const s = window.__vt!.store.getState();
      const map = window.__vt!.map;
      const src = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = src.width;
      copy.height = src.height;
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(src, 0, 0);
      const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
      const ratio = src.width / src.clientWidth;
      type Ring = { x: number; y: number }[];
      const ringsOf = (g: GeoJSON.Polygon | GeoJSON.MultiPolygon): Ring[] =>
        (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
          .flat()
          .map((ring) => ring.map((q) => map.project([q[0]!, q[1]!])));
      // Even-odd over every ring, holes included.
      const inside = (rings: Ring[], x: number, y: number): boolean => {
        let c = false;
        for (const r of rings)
          for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
            const a = r[i]!;
            const b = r[j]!;
            if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) c = !c;
          }
        return c;
      };
      const deep = (rings: Ring[], x: number, y: number): boolean =>
        [
          [0, 0],
          [4, 0],
          [-4, 0],
          [0, 4],
          [0, -4],
        ].every(([dx, dy]) => inside(rings, x + dx!, y + dy!));
      const pixel = (x: number, y: number): [number, number, number] => {
        const i = (Math.round(y * ratio) * copy.width + Math.round(x * ratio)) * 4;
        return [data[i]!, data[i + 1]!, data[i + 2]!];
      };
      const near = (c: number[], want: number[], tol: number) =>
        c.every((v, k) => Math.abs(v - want[k]!) <= tol);
      const out: Record<string, Sample> = {};
      for (const id of ids) {
        const h = s.coverageById.get(id)!;
        const rings = ringsOf(s.input!.hamlets.features.find((f) => f.properties.id === id)!.geometry);
        const xs = rings.flat().map((q) => q.x);
        const ys = rings.flat().map((q) => q.y);
        const counts = new Map<string, number>();
        let n = 0;
        const zone = (geom: GeoJSON.Polygon | GeoJSON.MultiPolygon | null | undefined, want: number[]) => {
          if (!geom) return 0;
          const z = ringsOf(geom);
          let hits = 0;
          let all = 0;
          for (let y = Math.min(...ys); y < Math.max(...ys); y += 2)
            for (let x = Math.min(...xs); x < Math.max(...xs); x += 2) {
              if (!deep(z, x, y)) continue;
              all++;
              if (near(pixel(x, y), want, 40)) hits++;
            }
          return all > 0 ? hits / all : 0;
        };
        for (let y = Math.min(...ys); y < Math.max(...ys); y += 2)
          for (let x = Math.min(...xs); x < Math.max(...xs); x += 2) {
            if (!deep(rings, x, y)) continue;
            n++;
            const key = pixel(x, y).join(',');
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
        const [key, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['0,0,0', 0];
        out[id] = {
          mode: key.split(',').map(Number) as [number, number, number],
          modeShare: n > 0 ? count / n : 0,
          pixels: n,
          whiteHatch: zone(h.whiteZone, white),
          weakHatch: zone(h.weakZone, weak),
        };
      }
      return out;
    },
    { ids, white, weak },
  );
}

/** The legend's colour for a hamlet, read from the legend on the page as a reader would look it up. */
async function legendColourFor(
  p: Page,
  by: Exclude<HamletColourBy, 'market' | 'measured'>,
  h: Picked,
): Promise<string> {
  return p.evaluate(
    ({ by, h }) => {
      const legend = document.querySelector('#vt-left .vt-legend')!;
      const attr = (sel: string) => legend.querySelector(sel)?.getAttribute('data-colour');
      if (by === 'status') return attr(`[data-entry="status-${h.status}"]`) ?? 'missing';
      const value = by === 'score' ? h.score : h[by];
      const none = attr('[data-entry="ramp-none"]');
      if (none && (h.status === 'served' || value === null)) return none;
      // Between the two ticks around the value, linearly, as the ramp bar shows it.
      const ticks = [...legend.querySelectorAll<HTMLElement>('.vt-ramp__ticks [data-colour]')].map((e) => ({
        v: Number(e.dataset.value),
        c: [1, 3, 5].map((i) => parseInt(e.dataset.colour!.slice(i, i + 2), 16)),
      }));
      const v = Math.min(Math.max(value ?? 0, ticks[0]!.v), ticks[ticks.length - 1]!.v);
      const i = Math.max(0, ticks.findIndex((t) => t.v >= v) - 1);
      const a = ticks[i]!;
      const b = ticks[Math.min(i + 1, ticks.length - 1)]!;
      const f = b.v === a.v ? 0 : (v - a.v) / (b.v - a.v);
      return `#${a.c
        .map((x, k) =>
          Math.round(x + (b.c[k]! - x) * f)
            .toString(16)
            .padStart(2, '0'),
        )
        .join('')}`;
    },
    { by, h },
  );
}

describe('what the legend shows is what the map shows', () => {
  it('each hamlet’s colour on the map is its legend entry’s, in every colouring, under white and weak zones', async () => {
    const picked = await pickHamlets(app.page);
    const ids = Object.values(picked).map((h) => h.id);
    for (const by of ['status', 'broadbandShare', 'uncoveredHouseholds', 'score'] as const) {
      // Waits for the map to have drawn the new colouring, not only to be still.
      await app.page.evaluate(
        (b) =>
          new Promise<void>((resolve) => {
            window.__vt!.map.once('idle', () => resolve());
            window.__vt!.store.getState().setColourBy(b);
            window.__vt!.map.triggerRepaint();
          }),
        by,
      );
      await waitForMapIdle(app.page);
      const samples = await sample(app.page, ids, rgb(ZONES.white.hatch), rgb(ZONES.weak.hatch));
      await screenshot(app.page, `legend-map-${by}`);
      for (const [kind, h] of Object.entries(picked)) {
        const s = samples[h.id]!;
        const want = rgb(await legendColourFor(app.page, by, h));
        const where = `${by}: ${kind} hamlet ${h.id} (${h.status}) seen ${s.mode} over ${s.pixels} px`;
        expect(s.pixels, where).toBeGreaterThan(100);
        expect(s.modeShare, where).toBeGreaterThan(0.4);
        const off = Math.max(...s.mode.map((v, k) => Math.abs(v - want[k]!)));
        expect(off, `${where}, legend ${want}`).toBeLessThanOrEqual(7);
      }
      // The zones show as the legend's hatching over the hamlet's colour (at a fractional zoom MapLibre
      // scales the tile and blends its edges: about one line pixel in twelve keeps the hatch colour).
      expect(samples[picked.unservedWhite.id]!.whiteHatch, `${by}: white hatching`).toBeGreaterThan(0.05);
      expect(samples[picked.weak.id]!.weakHatch, `${by}: weak hatching`).toBeGreaterThan(0.05);
    }
    expect(app.errors).toEqual([]);
  }, 300_000);
});
