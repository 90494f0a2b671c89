import type { Feature } from 'geojson';
import { parseScenarioGeoJson } from '../../analysis/scenarioIo.ts';
import type { ScenarioEdit } from '../../analysis/scenarioTypes.ts';
import type { InputLayers } from '../../analysis/types.ts';
import { linkIssue, type LinkIssue } from './linkIssue.ts';

/**
 * Scenario edits as the link's GeoJSON features, in the scenario file format (proposed sites and fibre as
 * themselves, a switched-off site as a Point with its id and `status: "off"`), without the derived cost and
 * length properties, which the app recomputes.
 */
export function editsToFeatures(edits: readonly ScenarioEdit[], sites: InputLayers['sites']): Feature[] {
  const out: Feature[] = [];
  for (const e of edits) {
    if (e.kind === 'add-site')
      out.push({ type: 'Feature', geometry: e.site.geometry, properties: e.site.properties });
    else if (e.kind === 'add-fibre') {
      out.push({ type: 'Feature', geometry: e.fibre.geometry, properties: e.fibre.properties });
    } else {
      const at =
        e.at ?? sites?.features.find((f) => String(f.properties.id) === e.siteId)?.geometry.coordinates;
      // A switched-off site with no position anywhere cannot be written as a Point; the app never makes one.
      if (at) {
        out.push({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: at.slice(0, 2) },
          properties: { id: e.siteId, status: 'off' },
        });
      }
    }
  }
  return out;
}

/** Reads the link's features back into edits; a feature the scenario reader refuses is reported, not thrown. */
export function featuresToEdits(features: readonly Feature[]): {
  edits: ScenarioEdit[];
  problems: LinkIssue[];
} {
  try {
    const scenario = parseScenarioGeoJson({ type: 'FeatureCollection', features }, 'the link');
    return { edits: scenario.edits, problems: [] };
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).slice(0, 200);
    return {
      edits: [],
      problems: [
        linkIssue('scenarioRefused', `The scenario's edits were not restored: ${detail}`, { detail }),
      ],
    };
  }
}
