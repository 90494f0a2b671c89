import type { FibreFeature, InputLayers, SiteFeature } from './types.ts';
import { fibreId, siteId } from './featureIds.ts';
import type { Scenario, ScenarioEdit } from './scenarioTypes.ts';

export type { Scenario, ScenarioEdit } from './scenarioTypes.ts';

/** A scenario that cannot be applied to the layers; the message names the edit and the fix. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
}

/**
 * The layers with a scenario's edits applied, in order: proposed sites and fibre are appended, a switched-off
 * site gets `status: "off"` (the engine then ignores it). `layers` is never mutated; untouched layers are
 * shared. Running `analyze` on the result is the reference that incremental what-if edits must equal.
 *
 * @throws ScenarioError when an edit switches off a site id that is not in the sites layer, or adds a site or
 * fibre whose id is already taken.
 * @example
 * const edited = applyScenario(layers, { id: 's1', name: 'Two towers', edits });
 * const after = analyze(edited, settings);
 */
export function applyScenario(layers: InputLayers, scenario: Scenario): InputLayers {
  const sites: SiteFeature[] = (layers.sites?.features ?? []).slice();
  const fibre: FibreFeature[] = (layers.fibre?.features ?? []).slice();
  const siteIds = new Map(sites.map((s, i) => [siteId(s, i), i]));
  const fibreIds = new Set(fibre.map((f, i) => fibreId(f, i)));
  scenario.edits.forEach((edit, n) => {
    const where = `Scenario "${scenario.name}", edit ${n + 1} (${describeEdit(edit)})`;
    if (edit.kind === 'site-off') {
      const i = siteIds.get(edit.siteId);
      const old = i === undefined ? undefined : sites[i];
      if (i === undefined || !old) {
        throw new ScenarioError(
          `${where}: there is no site with id "${edit.siteId}" in the sites layer; check the id or load the sites it refers to.`,
        );
      }
      sites[i] = { ...old, properties: { ...old.properties, status: 'off' } };
    } else if (edit.kind === 'add-site') {
      const id = siteId(edit.site, sites.length);
      if (siteIds.has(id))
        throw new ScenarioError(
          `${where}: the site id "${id}" is already taken; give the proposal a new id.`,
        );
      siteIds.set(id, sites.length);
      sites.push(edit.site);
    } else {
      const id = fibreId(edit.fibre, fibre.length);
      if (fibreIds.has(id))
        throw new ScenarioError(`${where}: the fibre id "${id}" is already taken; give the route a new id.`);
      fibreIds.add(id);
      fibre.push(edit.fibre);
    }
  });
  const out: InputLayers = { ...layers };
  if (sites.length > 0 || layers.sites)
    out.sites = { ...layers.sites, type: 'FeatureCollection', features: sites };
  if (fibre.length > 0 || layers.fibre)
    out.fibre = { ...layers.fibre, type: 'FeatureCollection', features: fibre };
  return out;
}

/** A short human label of an edit, used in error messages and the edit list. */
export function describeEdit(edit: ScenarioEdit): string {
  if (edit.kind === 'site-off') return `switch off site ${edit.siteId}`;
  if (edit.kind === 'add-site') {
    const p = edit.site.properties;
    return `add ${String(p?.tech ?? '4G')} site ${String(p?.id ?? edit.site.id ?? '')}`.trim();
  }
  return `add fibre ${String(edit.fibre.properties?.id ?? edit.fibre.id ?? '')}`.trim();
}
