import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rankingCsv, rankingRows, summaryCsv, summaryRows } from '../../../src/analysis/exports.ts';
import { scenarioToCsv } from '../../../src/analysis/scenarioIo.ts';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import { rankingWorkbook } from '../../../src/analysis/workbook.ts';
import { reportCsv } from '../../../src/data/reportCsv.ts';
import { workbookBlob } from '../../../src/store/share/xlsxFile.ts';
import { cliRun } from '../../fixtures/cli/cliRun.ts';
import { exportFixture, makeHamlet } from '../../fixtures/cli/makeHamlet.ts';
import { tempDir } from '../../fixtures/cli/tempDir.ts';
import { readXlsx } from '../../fixtures/xlsx/readXlsx.ts';

/** Text planted in every field a user's file or a shared link can fill. */
const PLANTED = [
  '=HYPERLINK("http://evil.example","Bấm")',
  '+1+1',
  '@SUM(1,1)',
  "-2+3+cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=2+2',
];
const LEAD = /^[\t\r]|^\s*[=+\-@]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** Every cell of a CSV that a spreadsheet would run: none may be left. */
function unguarded(csv: string): string[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
  return rows.flat().filter((c) => LEAD.test(c) && !PLAIN_NUMBER.test(c));
}

/** The planted cells that came through, guarded: as many as were planted where the export writes them. */
function guarded(csv: string): number {
  const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
  return rows.flat().filter((c) => PLANTED.some((p) => c === `'${p}`)).length;
}

const ROOT = resolve(import.meta.dirname, '../../..');

describe('every export goes through the guarded CSV writer', () => {
  const hamlets = PLANTED.map((p, i) =>
    makeHamlet({
      id: p,
      name: p,
      commune: p,
      commune_code: `${p}-c${i}`,
      district: p,
      district_code: `${p}-d${i}`,
      households: { white: 50 + i, mbb: 10 },
    }),
  );
  const { layer: input, result } = exportFixture(hamlets, 106, 0.01, {
    code: PLANTED[0]!,
    name: PLANTED[1]!,
  });
  const plan = { kind: 'scenario', name: PLANTED[2]! } as const;

  it('the ranking and summary CSVs (app and CLI builders)', () => {
    const ranking = rankingCsv(result, input, { plan });
    expect(unguarded(ranking)).toEqual([]);
    // id, name, commune, district of each hamlet, and the scenario's name on every row.
    expect(guarded(ranking)).toBe(PLANTED.length * 5);
    const summary = summaryCsv(result.summary, 'all', plan);
    expect(unguarded(summary)).toEqual([]);
    expect(guarded(summary)).toBeGreaterThanOrEqual(PLANTED.length * 4);
  });

  it('the what-if proposals CSV (ids and operators from a shared link)', () => {
    const csv = scenarioToCsv(
      {
        id: 's',
        name: PLANTED[0]!,
        edits: PLANTED.map((p, i) => ({
          kind: 'add-site',
          site: {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [106 + i * 0.01, 20] },
            properties: { id: p, operator: p, tech: '4G', radius_m: 3000, proposed: true },
          },
        })),
      },
      DEFAULT_SETTINGS,
    );
    expect(unguarded(csv)).toEqual([]);
    expect(guarded(csv)).toBe(PLANTED.length * 3);
    // Negative coordinates stay numbers.
    expect(
      scenarioToCsv(
        { id: 's', name: 'x', edits: [{ kind: 'site-off', siteId: 'S1', at: [-70.5, -33.4] }] },
        DEFAULT_SETTINGS,
      ),
    ).toContain(',-70.5,-33.4,');
  });

  it('the import validation report CSV', () => {
    const csv = reportCsv({
      file: PLANTED[0]!,
      role: 'hamlets',
      total: 6,
      imported: 0,
      skipped: PLANTED.map((p, i) => ({ index: i, id: p, name: p, message: 'bad', fix: 'fix it' })),
      repaired: [],
      warnings: [],
    });
    expect(unguarded(csv)).toEqual([]);
    expect(guarded(csv)).toBe(PLANTED.length * 3);
  });

  it('the XLSX: text cells are text, never formulas, and carry the same guard', async () => {
    const sheets = rankingWorkbook(rankingRows(result, input), summaryRows(result.summary, 'all'), {
      lang: 'vi',
      areaName: PLANTED[0]!,
      planLabel: `Phương án: ${PLANTED[2]!}`,
      date: '26 tháng 11, 2026',
      dataNote: '',
    });
    const book = await readXlsx(await (await workbookBlob(sheets)).arrayBuffer());
    let planted = 0;
    for (const sheet of book)
      for (const [addr, c] of sheet.cells) {
        expect(c.type, `${sheet.name}!${addr}`).not.toBe('formula');
        if (typeof c.value === 'string' && addr !== 'A1' && addr !== 'A2')
          expect(LEAD.test(c.value) && !PLAIN_NUMBER.test(c.value), `${sheet.name}!${addr}`).toBe(false);
        if (PLANTED.some((p) => c.value === `'${p}`)) planted++;
      }
    // Ranking: id, name, commune, district; summary: the units' names, the province's code.
    expect(planted).toBeGreaterThanOrEqual(PLANTED.length * 6);
  });

  it('the CLI: ranking.csv, summary.csv and proposals.csv of analyze --scenario and suggest', async () => {
    const dir = await tempDir('vt-guard-');
    const tiny = resolve(ROOT, 'tests/fixtures/cli/tiny');
    const fc = JSON.parse(await readFile(join(tiny, 'hamlets.geojson'), 'utf8')) as {
      features: { properties: Record<string, unknown> }[];
    };
    fc.features.forEach((f, i) => {
      const p = PLANTED[i % PLANTED.length]!;
      Object.assign(f.properties, { name: p, commune: p, district: p, id: `${p}#${i}` });
    });
    const hamletsPath = join(dir, 'hamlets.geojson');
    await writeFile(hamletsPath, JSON.stringify(fc));
    const scenarioPath = join(dir, 'proposals.geojson');
    await writeFile(
      scenarioPath,
      JSON.stringify({
        type: 'FeatureCollection',
        name: PLANTED[3],
        features: [
          {
            type: 'Feature',
            properties: { id: PLANTED[0], operator: PLANTED[1], tech: '4G' },
            geometry: { type: 'Point', coordinates: [106.235, 20.305] },
          },
        ],
      }),
    );
    const out = join(dir, 'out');
    await mkdir(out);
    const layers = ['--hamlets', hamletsPath, '--sites', join(tiny, 'sites.geojson')];
    const a = await cliRun(['analyze', ...layers, '--scenario', scenarioPath, '--out', out, '-q']);
    expect(a.err).toBe('');
    for (const name of ['ranking.csv', 'summary.csv', 'proposals.csv']) {
      const csv = await readFile(join(out, name), 'utf8');
      expect(unguarded(csv), name).toEqual([]);
      expect(guarded(csv), name).toBeGreaterThan(0);
    }
    const out2 = join(dir, 'out2');
    const s = await cliRun([
      'suggest',
      ...layers,
      '--sites-count',
      '1',
      '--operator',
      PLANTED[3]!,
      '--out',
      out2,
      '-q',
    ]);
    expect(s.code).toBe(0);
    const proposals = await readFile(join(out2, 'proposals.csv'), 'utf8');
    expect(unguarded(proposals)).toEqual([]);
    expect(guarded(proposals)).toBe(1);
  });

  it('no source file writes CSV but the writer (src/analysis/csv.ts)', () => {
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(n)) files.push(p);
      }
    };
    walk(join(ROOT, 'src'));
    const writers = files.filter((f) => {
      const text = readFileSync(f, 'utf8');
      // A byte-order mark written (not stripped from input), Papa's writer, or CSV lines joined by hand.
      const bom = text.split('\n').some((l) => /\\uFEFF/.test(l) && !/replace\(\/\^\\uFEFF\//.test(l));
      return bom || /\.unparse\(/.test(text) || /join\('\\r\\n'\)/.test(text);
    });
    expect(writers.map((f) => relative(ROOT, f))).toEqual(['src/analysis/csv.ts']);
  });
});
