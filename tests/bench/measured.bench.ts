import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { analyze } from '../../src/analysis/analyze.ts';
import type { InputLayers, SpeedPointProps, SpeedTileProps } from '../../src/analysis/types.ts';
import { lonLatToTile, tileToQuadkey } from '../../src/data/quadkey.ts';
import { quadkeyRing } from '../../src/data/speedTests.ts';
import { fmtMs, median, progress, time } from './stats.ts';
import type { Row } from './stats.ts';

const MEASURED = join(process.cwd(), 'geodata/measured');

type Tiles = FeatureCollection<Polygon, SpeedTileProps>;

function tileFeature(quadkey: string, p: Omit<SpeedTileProps, 'quadkey'>): Feature<Polygon, SpeedTileProps> {
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: [quadkeyRing(quadkey)!] },
    properties: { ...p, quadkey } as SpeedTileProps,
  };
}

/** A tile CSV of the sample (quadkey,avg_d_kbps,avg_u_kbps,avg_lat_ms,tests,devices) as tile polygons. */
function sampleTiles(file: string): Tiles {
  const [, ...lines] = readFileSync(join(MEASURED, file), 'utf8').trim().split('\n');
  const features = lines.map((line) => {
    const [q, d, u, l, t, dev] = line.split(',');
    return tileFeature(q as string, {
      avg_d_kbps: Number(d),
      avg_u_kbps: Number(u),
      avg_lat_ms: Number(l),
      tests: Number(t),
      devices: Number(dev),
    });
  });
  return { type: 'FeatureCollection', features };
}

function samplePoints(): FeatureCollection<Point, SpeedPointProps> {
  const [, ...lines] = readFileSync(join(MEASURED, 'speedtest-points.csv'), 'utf8').trim().split('\n');
  const num = (v: string | undefined): number | undefined => (v ? Number(v) : undefined);
  const features = lines.map((line): Feature<Point, SpeedPointProps> => {
    const [lon, lat, d, u, l, operator, tech, t, result] = line.split(',');
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [Number(lon), Number(lat)] },
      properties: {
        download_mbps: num(d),
        upload_mbps: num(u),
        latency_ms: num(l),
        operator,
        tech,
        time: t,
        result: result === 'no_service' ? 'no_service' : 'ok',
      },
    };
  });
  return { type: 'FeatureCollection', features };
}

/**
 * `count` zoom-16 tiles in a square around the hamlets' centre (Nam Định's extent holds about 15,000; the
 * rest lie around it, as a national file's would), with values that vary from tile to tile.
 */
function gridTiles(layers: InputLayers, count: number): Tiles {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of layers.hamlets.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const [x, y] of polys.flat(2) as [number, number][]) {
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
  }
  const c = lonLatToTile((w + e) / 2, (s + n) / 2, 16);
  const side = Math.ceil(Math.sqrt(count));
  const x0 = c.x - Math.floor(side / 2);
  const y0 = c.y - Math.floor(side / 2);
  const features: Feature<Polygon, SpeedTileProps>[] = [];
  for (let y = y0; y < y0 + side && features.length < count; y++)
    for (let x = x0; x < x0 + side && features.length < count; x++) {
      const k = x * 31 + y * 17;
      features.push(
        tileFeature(tileToQuadkey({ x, y, z: 16 }), {
          avg_d_kbps: 2000 + (k % 90) * 1000,
          avg_u_kbps: 500 + (k % 40) * 500,
          avg_lat_ms: 20 + (k % 60),
          tests: 1 + (k % 25),
          devices: 1,
        }),
      );
    }
  return { type: 'FeatureCollection', features };
}

/**
 * What the measured layers add to a run: the province without them, with the sample's tiles and points, and
 * with 20,000 tiles over it, run in turn (so the machine's load falls on all three alike). Target: 20,000
 * tiles add ≤ 150 ms.
 */
export function benchMeasured(layers: InputLayers, runs = 7): Row[] {
  if (!existsSync(join(MEASURED, 'mobile-tiles.csv'))) return [];
  const sample: InputLayers = {
    ...layers,
    mobileTests: sampleTiles('mobile-tiles.csv'),
    fixedTests: sampleTiles('fixed-tiles.csv'),
    speedPoints: samplePoints(),
  };
  const grid = gridTiles(layers, 20_000);
  const many: InputLayers = { ...layers, mobileTests: grid };
  const cases = [
    ['none', layers],
    ['sample', sample],
    ['grid', many],
  ] as const;
  const wall: Record<string, number[]> = { none: [], sample: [], grid: [] };
  const cpu: Record<string, number[]> = { none: [], sample: [], grid: [] };
  const lap: Record<string, number[]> = { none: [], sample: [], grid: [] };
  for (const [, input] of cases) analyze(input);
  for (let i = 0; i < runs; i++) {
    for (const [name, input] of cases) {
      const r = time(() => analyze(input));
      (wall[name] as number[]).push(r.ms);
      (cpu[name] as number[]).push(r.cpuMs);
      (lap[name] as number[]).push(r.value.timingsMs.measured ?? 0);
    }
  }
  const m = (name: string): number => median(wall[name] as number[]);
  const c = (name: string): number => median(cpu[name] as number[]);
  const tiles = (sample.mobileTests?.features.length ?? 0) + (sample.fixedTests?.features.length ?? 0);
  return [
    progress({
      section: 'measured',
      measure: 'analyze 1× without measured layers',
      value: fmtMs(m('none')),
      note: `median of ${runs} (CPU ${fmtMs(c('none'))}), run in turn with the two rows below`,
    }),
    progress({
      section: 'measured',
      measure: `with the sample's ${tiles} tiles and ${sample.speedPoints?.features.length ?? 0} points`,
      value: fmtMs(m('sample')),
      note: `+${fmtMs(m('sample') - m('none'))} (CPU +${fmtMs(c('sample') - c('none'))}); the measured phase ${fmtMs(median(lap.sample as number[]))}`,
    }),
    progress({
      section: 'measured',
      measure: `with ${grid.features.length} mobile tiles over the province`,
      value: fmtMs(m('grid')),
      note: `+${fmtMs(m('grid') - m('none'))} (CPU +${fmtMs(c('grid') - c('none'))}); the measured phase ${fmtMs(median(lap.grid as number[]))} (target ≤ 150 ms)`,
    }),
  ];
}
