import { describe, expect, it } from 'vitest';
import { basemapRequestStore, allowOsm, drawnBasemap } from '../../../src/store/share/basemapConsent.ts';
import { appStorePort } from '../../../src/store/share/appStorePort.ts';
import { decodeView, encodeView } from '../../../src/store/share/codec.ts';
import { viewOf } from '../../../src/store/appState.ts';
import { createAppStore } from '../../../src/store/store.ts';

describe('a link asking for the OpenStreetMap basemap', () => {
  it('opens on the offline map and asks, until this browser’s user allows it; then it is honoured', () => {
    const sender = createAppStore();
    sender.getState().setBasemap('osm');
    const link = encodeView({ ...viewOf(sender.getState()), scenario: [] });
    expect(decodeView(link).view.basemap).toBe('osm');

    const store = createAppStore();
    const { view, problems } = decodeView(link);
    appStorePort(store).applyView(view, problems);
    expect(store.getState().basemap).toBe('none');
    expect(drawnBasemap('osm')).toBe('none');
    expect(basemapRequestStore.getState().asked).toBe(true);
    basemapRequestStore.getState().dismiss();

    allowOsm();
    const next = createAppStore();
    appStorePort(next).applyView(decodeView(link).view, []);
    expect(next.getState().basemap).toBe('osm');
    expect(drawnBasemap('osm')).toBe('osm');
    expect(basemapRequestStore.getState().asked).toBe(false);
  });
});
