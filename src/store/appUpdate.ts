import { createStore, type StoreApi } from 'zustand/vanilla';

/** The installed app's service worker as the page sees it. */
export interface AppUpdateState {
  /** A new version is installed and waiting: it is applied only when the user accepts. */
  waiting: boolean;
  /** The app and the sample are stored: it will open with no network. Shown once, until dismissed. */
  offlineReady: boolean;
  /** Applies the waiting version (the page reloads on it); set once a worker is registered. */
  apply: (() => Promise<void>) | null;
  dismiss(): void;
}

export const appUpdateStore: StoreApi<AppUpdateState> = createStore<AppUpdateState>()((set) => ({
  waiting: false,
  offlineReady: false,
  apply: null,
  dismiss: () => set({ waiting: false, offlineReady: false }),
}));

/** The options of vite-plugin-pwa's `registerSW` this app uses. */
export interface RegisterOptions {
  immediate?: boolean;
  onNeedRefresh?: () => void;
  onOfflineReady?: () => void;
  onRegisterError?: (error: unknown) => void;
}

/**
 * Registers the service worker through `register` (vite-plugin-pwa's `registerSW`) and reports what it
 * says in `store`: a waiting version makes `waiting` true and nothing more, so the page is never swapped
 * mid-work; `apply` (the user's "reload") activates it.
 *
 * @example startAppUpdates((await import('virtual:pwa-register')).registerSW);
 */
export function startAppUpdates(
  register: (options: RegisterOptions) => (reloadPage?: boolean) => Promise<void>,
  store: StoreApi<AppUpdateState> = appUpdateStore,
): void {
  const update = register({
    immediate: true,
    onNeedRefresh: () => store.setState({ waiting: true }),
    onOfflineReady: () => store.setState({ offlineReady: true }),
    // No service worker (a private window, an old browser): the app works as before, only not offline.
    onRegisterError: () => undefined,
  });
  store.setState({ apply: () => update(true) });
}
