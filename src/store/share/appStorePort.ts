import type { AppStore } from '../store.ts';
import type { ViewState } from '../viewState.ts';
import type { SharedView } from './codec.ts';
import { linkNoticeStore } from './linkNotice.ts';
import type { ViewPort } from './urlSync.ts';

/** The share link's view of the app store: the ViewState fields, and how to restore them. */
export function appStorePort(store: AppStore): ViewPort {
  return {
    getView: (): SharedView => {
      const s = store.getState();
      return {
        center: s.center,
        zoom: s.zoom,
        layers: s.layers,
        colourBy: s.colourBy,
        filters: s.filters,
        area: s.area,
        selectedHamletId: s.selectedHamletId,
        settings: s.settings,
        lang: s.lang,
        basemap: s.basemap,
      };
    },
    subscribe: (listener) => store.subscribe(listener),
    applyView: (view, problems) => {
      const { scenario: _scenario, ...rest } = view;
      const s = store.getState();
      // A link's own map position wins over "fit the province when the data arrives".
      if (rest.center) s.setFitOnLoad(false);
      s.applyView(rest satisfies Partial<ViewState>, 'app');
      linkNoticeStore.getState().setProblems(problems);
    },
  };
}
