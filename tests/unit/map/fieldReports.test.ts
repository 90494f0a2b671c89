import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/analysis/settings.ts';
import type { FieldReport } from '../../../src/data/fieldReports.ts';
import { formatters } from '../../../src/i18n/format.ts';
import { buildLegend, legendInputOf } from '../../../src/map/legend.ts';
import { FIELD_REPORT } from '../../../src/map/palette.ts';
import { planLayers, type PlanInput } from '../../../src/map/planLayers.ts';

const base: PlanInput = {
  layers: null,
  admin: { province: null, districts: null, communes: null, units: null },
  result: null,
  lookups: { coverageById: new Map(), rankingById: new Map() },
  visible: [],
  colourBy: 'status',
  selectedHamletId: null,
  basemap: 'none',
  settings: DEFAULT_SETTINGS,
};

function report(id: string, result: FieldReport['properties']['result']): FieldReport {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [106.2, 20.3] },
    properties: { id, time: '2026-11-01T08:00:00.000Z', result },
  };
}

describe('field reports on the map', () => {
  it('are a source and a circle layer of the plan, coloured by result from the palette', () => {
    const reports = [report('a', 'no_signal'), report('b', 'ok')];
    const plan = planLayers({ ...base, fieldReports: reports });
    const source = plan.sources['field-reports'];
    expect(source?.type === 'geojson' && source.data.features.map((f) => f.properties?.id)).toEqual([
      'a',
      'b',
    ]);
    const layer = plan.layers.find((l) => l.id === 'field-reports') as { paint: Record<string, unknown> };
    expect(layer.paint['circle-color']).toEqual([
      'match',
      ['get', 'result'],
      'no_signal',
      FIELD_REPORT.no_signal,
      'weak',
      FIELD_REPORT.weak,
      FIELD_REPORT.ok,
    ]);
    // The same data object while the list is the same: the map skips setData.
    expect(planLayers({ ...base, fieldReports: reports }).sources['field-reports']).toEqual(source);
    const again = planLayers({ ...base, fieldReports: reports }).sources['field-reports'];
    expect(again?.type === 'geojson' && source?.type === 'geojson' && again.data === source.data).toBe(true);
  });

  it('have legend entries only for the results on the map, in the map’s colours', () => {
    const app = {
      layers: [],
      colourBy: 'status' as const,
      input: null,
      settings: {},
      result: null,
      lens: { operator: null, ranking: 'pooled' as const },
    };
    const none = buildLegend(legendInputOf({ ...app, fieldReports: [] }), formatters('vi'));
    expect(none.entries.filter((e) => e.id.startsWith('report-'))).toEqual([]);
    const some = buildLegend(
      legendInputOf({ ...app, fieldReports: [report('a', 'weak'), report('b', 'no_signal')] }),
      formatters('vi'),
    );
    const entries = some.entries.filter((e) => e.id.startsWith('report-'));
    expect(entries.map((e) => [e.id, e.colour, e.label.key])).toEqual([
      ['report-no_signal', FIELD_REPORT.no_signal, 'legend.fieldReport.no_signal'],
      ['report-weak', FIELD_REPORT.weak, 'legend.fieldReport.weak'],
    ]);
  });
});
