// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { InputLayers } from '../../../src/analysis/types.ts';
import { ImportControls } from '../../../src/components/import/ImportControls.tsx';
import { createI18n } from '../../../src/i18n/i18n.ts';
import type { KeyValueStore } from '../../../src/store/persist/kvStore.ts';
import { createAppStore, type AppStore } from '../../../src/store/store.ts';
import { createInThreadBackend } from '../../../src/worker/importClient.ts';
import { restoreNoticeStore } from '../../../src/store/persist/restoreNotice.ts';
import { saveProblemStore } from '../../../src/store/persist/saveProblem.ts';
import { bootData } from '../../../src/store/persist/boot.ts';
import { DATA_KEY } from '../../../src/store/persist/persist.ts';
import { validateSettings } from '../../../src/analysis/validateSettings.ts';
import { withDefaults } from '../../../src/analysis/settings.ts';
import { act } from '@testing-library/react';
import { assignUnits } from '../../../src/analysis/units.ts';
import { startUnits } from '../../../src/store/units.ts';
// The app fetches the dialog and the readers on first use; loaded here up front, so the first test's
// waits measure the dialog, not the first transform of the whole import stack.
import '../../../src/components/import/ImportDialog.tsx';
import '../../../src/worker/importTask.ts';

const FIXTURES = 'tests/fixtures/import';

function fixture(name: string, type = 'application/octet-stream'): File {
  return new File([readFileSync(`${FIXTURES}/${name}`)], name, { type });
}

/** A store holding a one-hamlet "sample" so replacing and keeping data can be seen. */
function sampleStore(): AppStore {
  const store = createAppStore();
  const input: InputLayers = {
    hamlets: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'S1', name: 'Xóm Mẫu', synthetic: true },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [106, 20],
                [106.01, 20],
                [106.01, 20.01],
                [106, 20],
              ],
            ],
          },
        },
      ],
    },
  };
  store
    .getState()
    .setData(input, { province: null, units: null, districts: null, communes: null }, ['hamlets']);
  return store;
}

const noStorage: KeyValueStore = {
  get: () => Promise.resolve(undefined),
  set: () => Promise.resolve(),
  del: () => Promise.resolve(),
};

function setup(store: AppStore, resetToSample = async (): Promise<void> => undefined) {
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <ImportControls
        store={store}
        backend={createInThreadBackend()}
        kv={noStorage}
        resetToSample={resetToSample}
      />
    </I18nextProvider>,
  );
  return user;
}

afterEach(cleanup);

describe('import dialog', () => {
  it('guesses role and fields, shows the report, and only then replaces the sample', async () => {
    const store = sampleStore();
    const user = setup(store);
    await user.upload(screen.getByTestId('import-file-input'), fixture('hamlets.geojson'));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByLabelText('This file holds')).toHaveProperty('value', 'hamlets');
    expect(within(dialog).getByLabelText('Name')).toHaveProperty('value', 'TEN_THON');
    expect(within(dialog).getByLabelText('Households')).toHaveProperty('value', 'SO_HO');
    await user.click(within(dialog).getByRole('button', { name: 'Check file' }));
    const counts = await within(dialog).findByTestId('import-counts');
    expect(counts.textContent).toMatch(/^(\d+) of \1 features can be imported/);
    expect(store.getState().dataSource).toBe('sample');
    await user.click(within(dialog).getByRole('button', { name: /^Import \d+ features$/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const s = store.getState();
    expect(s.dataSource).toBe('imported');
    expect(s.illustrativeLayers).toEqual([]);
    expect(s.importedFiles).toEqual(['hamlets.geojson']);
    expect(s.input?.hamlets.features[0]?.properties.name).toBe('Thôn Đông Hải');
  });

  it('several files at once are checked one after another and imported together in one change', async () => {
    const store = sampleStore();
    const user = setup(store);
    let inputChanges = 0;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.input !== prev.input) inputChanges++;
    });
    // Sites first: they wait for the hamlets chosen in the same go instead of being refused.
    await user.upload(screen.getByTestId('import-file-input'), [
      fixture('sites.csv', 'text/csv'),
      fixture('hamlets.geojson'),
    ]);
    let dialog = await screen.findByRole('dialog', { name: 'File 1 of 2: sites.csv' });
    await user.click(await within(dialog).findByRole('button', { name: 'Check file' }));
    expect(await within(dialog).findByText(/analysis runs once for all 2 files/)).toBeTruthy();
    await user.click(await within(dialog).findByRole('button', { name: /^Add \d+ features$/ }));
    dialog = await screen.findByRole('dialog', { name: 'File 2 of 2: hamlets.geojson' });
    await user.click(await within(dialog).findByRole('button', { name: 'Check file' }));
    await user.click(await within(dialog).findByRole('button', { name: /^Add \d+ features$/ }));
    dialog = await screen.findByRole('dialog', { name: 'Import 2 files' });
    const summary = within(dialog).getByTestId('import-batch');
    expect(summary.textContent).toMatch(/Mobile sites: sites\.csv/);
    expect(summary.textContent).toMatch(/Hamlets \(areas\): hamlets\.geojson/);
    expect(store.getState().dataSource).toBe('sample');
    expect(inputChanges).toBe(0);
    await user.click(within(dialog).getByRole('button', { name: 'Import 2 layers' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    unsubscribe();
    expect(inputChanges).toBe(1);
    const s = store.getState();
    expect(s.importedFiles).toEqual(['hamlets.geojson', 'sites.csv']);
    expect(s.input?.sites?.features.length).toBeGreaterThan(2);
    expect(s.input?.hamlets.features[0]?.properties.id).toMatch(/^GT-/);
  });

  it('closing a multi-file import with layers confirmed asks at the summary; Cancel there keeps the data', async () => {
    const store = sampleStore();
    const user = setup(store);
    await user.upload(screen.getByTestId('import-file-input'), [
      fixture('hamlets.geojson'),
      fixture('sites.csv', 'text/csv'),
    ]);
    let dialog = await screen.findByRole('dialog', { name: 'File 1 of 2: hamlets.geojson' });
    await user.click(await within(dialog).findByRole('button', { name: 'Check file' }));
    await user.click(await within(dialog).findByRole('button', { name: /^Add \d+ features$/ }));
    dialog = await screen.findByRole('dialog', { name: 'File 2 of 2: sites.csv' });
    (await within(dialog).findByRole('button', { name: 'Check file' })).focus();
    await user.keyboard('{Escape}');
    dialog = await screen.findByRole('dialog', { name: 'Import 2 files' });
    expect(within(dialog).getByTestId('import-batch').textContent).not.toMatch(/sites\.csv/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(store.getState().dataSource).toBe('sample');
  });

  it('a broken file shows what is wrong and how to fix it, and leaves the data alone', async () => {
    const store = sampleStore();
    const before = store.getState().input;
    const user = setup(store);
    await user.upload(screen.getByTestId('import-file-input'), fixture('broken.geojson'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/broken\.geojson: is not valid JSON at line \d+, column \d+/);
    expect(alert.textContent).toMatch(/What to do: .+/);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(store.getState().input).toBe(before);
    expect(store.getState().dataSource).toBe('sample');
  });

  it('metres without a .prj: says so and offers VN-2000 TM-3, pre-selected', async () => {
    const user = setup(sampleStore());
    await user.upload(screen.getByTestId('import-file-input'), fixture('hamlets-vn2000-noprj.zip'));
    const dialog = await screen.findByRole('dialog');
    expect((await within(dialog).findByText(/look like metres/)).textContent).toMatch(/VN-2000 TM-3/);
    const crs = within(dialog).getByLabelText('Coordinate system', { selector: 'select' });
    expect(crs).toHaveProperty('value', 'VN2000-TM3-105.5');
  });

  it('a CSV of sites gets a column-mapping step with the odd headers matched', async () => {
    const user = setup(sampleStore());
    await user.upload(screen.getByTestId('import-file-input'), fixture('sites.csv', 'text/csv'));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByLabelText('This file holds')).toHaveProperty('value', 'sites');
    expect(within(dialog).getByLabelText('Longitude')).toHaveProperty('value', 'Kinh do');
    expect(within(dialog).getByLabelText('Latitude')).toHaveProperty('value', 'Vi do');
    expect(within(dialog).getByLabelText('Operator')).toHaveProperty('value', 'Nha mang');
    expect(within(dialog).getByLabelText('Radius')).toHaveProperty('value', 'Ban kinh (m)');
  });

  it('a file too big for the browser is refused with a clear message before it is read', async () => {
    const store = sampleStore();
    const user = setup(store);
    const huge = new File(['{}'], 'whole-country.geojson');
    Object.defineProperty(huge, 'size', { value: 350 * 1024 * 1024 });
    await user.upload(screen.getByTestId('import-file-input'), huge);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'whole-country.geojson is 350 MB, over the 200 MB a browser can handle. Split it (for example one district per file) or simplify the geometry.',
    );
    expect(store.getState().dataSource).toBe('sample');
  });

  it('KMZ from Google Earth is read (a streaming XML reader, no DOM) and checked', async () => {
    const user = setup(sampleStore());
    await user.upload(screen.getByTestId('import-file-input'), fixture('facilities.kmz'));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText(/^KMZ, \d+ features\.$/);
    await user.selectOptions(within(dialog).getByLabelText('This file holds'), 'facilities');
    await user.click(within(dialog).getByRole('button', { name: 'Check file' }));
    const counts = await within(dialog).findByTestId('import-counts');
    expect(counts.textContent).toMatch(/^[1-9]\d* of \d+ features can be imported/);
  });

  it('an administrative units layer (the boundaries of a later change) becomes the units the hamlets go to', async () => {
    const store = sampleStore();
    startUnits(store, (h, u) => Promise.resolve(assignUnits(h, u)));
    const user = setup(store);
    const ring = (x0: number, x1: number) => [
      [
        [x0, 19.99],
        [x1, 19.99],
        [x1, 20.02],
        [x0, 20.02],
        [x0, 19.99],
      ],
    ];
    const units = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { ma: 'X1', ten: 'Xã Mới' },
          geometry: { type: 'Polygon', coordinates: ring(105.99, 106.02) },
        },
      ],
    };
    const file = new File([JSON.stringify(units)], 'xa-2026-04.geojson', { type: 'application/geo+json' });
    await user.upload(screen.getByTestId('import-file-input'), file);
    const dialog = await screen.findByRole('dialog');
    await user.selectOptions(await within(dialog).findByLabelText('This file holds'), 'units');
    await user.click(within(dialog).getByRole('button', { name: 'Check file' }));
    await user.click(await within(dialog).findByRole('button', { name: /^Import 1 features?$/ }));
    await waitFor(() => expect(store.getState().unitsStatus).toBe('ready'));
    const s = store.getState();
    expect(s.admin.units?.features[0]?.properties).toMatchObject({ code: 'X1', name: 'Xã Mới' });
    expect(s.unitAssignment?.hamlets.map((h) => [h.id, h.code, h.share])).toEqual([['S1', 'X1', 1]]);
  });

  it('property values are shown as text, never as HTML', async () => {
    const evil = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: '<img src=x onerror=alert(1)>', name: '<b>bold</b>' },
          geometry: { type: 'Point', coordinates: [106.2, 20.2] },
        },
      ],
    };
    const user = setup(sampleStore());
    await user.upload(
      screen.getByTestId('import-file-input'),
      new File([JSON.stringify(evil)], 'evil.geojson', { type: 'application/json' }),
    );
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByText('e.g. <b>bold</b>');
    expect(dialog.querySelector('img, b')).toBeNull();
  });
});

describe('a project file with settings the validator refuses', () => {
  it('is refused with the file, each setting and the fix; data and settings stay', async () => {
    const store = sampleStore();
    store.getState().setSettings(withDefaults({ fibreServiceRadiusM: 700 }));
    const before = { input: store.getState().input, settings: store.getState().settings };
    const user = setup(store);
    const hamlets = JSON.parse(readFileSync(`${FIXTURES}/hamlets.geojson`, 'utf8')) as unknown;
    const crafted = JSON.stringify({
      version: 1,
      layers: { hamlets },
      settings: { circleSegments: 20_000_000, fibreServiceRadiusM: 'abc', preset: '__proto__' },
    });
    await user.upload(
      screen.getByTestId('project-file-input'),
      new File([crafted], 'du-an.json', { type: 'application/json' }),
    );
    const refused = await screen.findByTestId('settings-refused');
    expect(refused.textContent).toMatch(
      /^du-an\.json has settings that cannot be used, so it was not opened\./,
    );
    const items = [...refused.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      'Segments of a coverage circle (circleSegments) is 20000000; it must be a whole number from 8 to 256.',
      'Fibre service radius (fibreServiceRadiusM) is "abc"; it must be a distance from 1 to 50,000 m.',
      'Weight preset (preset) is "__proto__"; it must be one of: "equity", "commercial", "custom".',
    ]);
    expect(refused.textContent).toMatch(/What to do: Correct these in the file's "settings"/);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(store.getState().input).toBe(before.input);
    expect(store.getState().settings).toEqual(before.settings);
  });
});

describe('settings saved in this browser that were dropped at start-up', () => {
  afterEach(() => restoreNoticeStore.getState().dismiss());

  it('are named in a notice until it is dismissed', async () => {
    const user = setup(sampleStore());
    act(() =>
      restoreNoticeStore.getState().show(null, validateSettings({ circleSegments: 20_000_000 }).problems),
    );
    const notice = screen.getByTestId('restore-notice');
    expect(notice.textContent).toContain('The saved settings could not be used and were dropped');
    expect(notice.textContent).toContain('Segments of a coverage circle (circleSegments) is 20000000');
    await user.click(within(notice).getByRole('button', { name: 'OK' }));
    expect(screen.queryByTestId('restore-notice')).toBeNull();
  });
});

describe('a save to this browser that fails (storage full)', () => {
  afterEach(() => saveProblemStore.getState().dismiss());

  it('is said with what to do; the data stays open; Retry saves once space is free', async () => {
    const saved = new Map<string, unknown>();
    let full = true;
    const kv: KeyValueStore = {
      get: (k) => Promise.resolve(saved.get(k)),
      set: (k, v) => {
        if (full && k === DATA_KEY) {
          return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
        }
        saved.set(k, v);
        return Promise.resolve();
      },
      del: (k) => Promise.resolve(void saved.delete(k)),
    };
    const store = createAppStore();
    const boot = await bootData(store, kv, () => Promise.resolve());
    const user = setup(store);
    const imported = sampleStore().getState().input as InputLayers;
    const empty = { province: null, districts: null, communes: null, units: null };
    act(() => store.getState().setImportedData(imported, empty, [], ['thon.geojson']));
    await act(() => boot.persistence.flush());
    const notice = await screen.findByTestId('save-problem');
    expect(notice.textContent).toContain('The browser’s storage is full.');
    expect(notice.textContent).toContain('Your imported data is still open in this tab');
    expect(notice.textContent).toContain('save a project file to keep your data, then retry');
    within(notice).getByRole('button', { name: 'Save a project file' });
    expect(store.getState().input).toBe(imported);
    expect(saved.has(DATA_KEY)).toBe(false);

    full = false;
    await user.click(within(notice).getByRole('button', { name: 'Retry saving' }));
    await act(() => boot.persistence.flush());
    expect(screen.queryByTestId('save-problem')).toBeNull();
    expect(saved.has(DATA_KEY)).toBe(true);
    boot.persistence.stop();
  });
});

describe('reset to sample data', () => {
  it('asks first, and Cancel keeps the imported data', async () => {
    const store = sampleStore();
    let resets = 0;
    const user = setup(store, () => {
      resets++;
      return Promise.resolve();
    });
    await user.click(screen.getByTestId('data-menu'));
    await user.click(screen.getByRole('button', { name: 'Reset to sample data' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Go back to the sample data?' });
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(resets).toBe(0);
    // Focus goes back to the menu item that opened the question.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reset to sample data' }));
    await user.click(screen.getByRole('button', { name: 'Reset to sample data' }));
    await user.click(screen.getByRole('button', { name: 'Delete and use the sample' }));
    await waitFor(() => expect(resets).toBe(1));
  });

  it('also puts the settings back to their defaults', async () => {
    const store = sampleStore();
    store.getState().setSettings(withDefaults({ circleSegments: 128 }));
    expect(store.getState().settings).not.toEqual({});
    const user = setup(store);
    await user.click(screen.getByTestId('data-menu'));
    await user.click(screen.getByRole('button', { name: 'Reset to sample data' }));
    await user.click(screen.getByRole('button', { name: 'Delete and use the sample' }));
    await waitFor(() => expect(store.getState().settings).toEqual({}));
  });
});
