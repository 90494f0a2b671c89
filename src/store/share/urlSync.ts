import { decodeView, encodeViewWithin, type LinkProblem, type SharedView } from './codec.ts';

/** What URL sync needs from the app's store; the app adapts its zustand store to this. */
export interface ViewPort {
  getView(): SharedView;
  /** Called on every store change; URL sync compares the encoded view, so extra calls are harmless. */
  subscribe(listener: () => void): () => void;
  /** Restores a view decoded from the URL (opening a link, or back/forward). */
  applyView(view: Partial<SharedView>, problems: LinkProblem[]): void;
}

export interface UrlSyncOptions {
  win?: Window;
  /** Map moves rewrite the hash at most this often: browsers throttle frequent replaceState calls. */
  replaceDelayMs?: number;
  /**
   * After start-up or restoring a view from the URL, changes that follow from it (the map settling, the
   * store normalising a filter, saved settings coming back) replace the entry instead of pushing one, so
   * back/forward never loops.
   */
  settleMs?: number;
}

/** The part of the link that is not the map position: a change there is a new history entry. */
function nonMapPart(link: string): string {
  return link.replace(/#.*$/, '');
}

/**
 * Keeps the address bar in step with the view: a meaningful change (layers, filters, selection, settings)
 * pushes a history entry, a map move replaces the current one; back/forward restore the view.
 * Opening the app with a link restores that view first. Returns a function that stops the sync.
 *
 * @example
 * const stop = startUrlSync({ getView, subscribe: store.subscribe, applyView });
 */
export function startUrlSync(port: ViewPort, opts: UrlSyncOptions = {}): () => void {
  const win = opts.win ?? window;
  const replaceDelay = opts.replaceDelayMs ?? 250;
  const settleMs = opts.settleMs ?? 1000;
  let settleUntil = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const current = () => win.location.search + win.location.hash;
  const urlFor = (link: string) => win.location.pathname + link;

  const restore = () => {
    const here = current();
    if (!/[?&]s=|[#&]map=/.test(here)) return false;
    const { view, problems } = decodeView(win.location.href);
    settleUntil = Date.now() + settleMs;
    port.applyView(view, problems);
    return true;
  };

  const write = () => {
    timer = undefined;
    const link = encodeViewWithin(port.getView()).link;
    if (link === current()) return;
    win.history.replaceState(win.history.state, '', urlFor(link));
  };

  const onChange = () => {
    const link = encodeViewWithin(port.getView()).link;
    const here = current();
    if (link === here) return;
    if (nonMapPart(link) !== nonMapPart(here) && Date.now() >= settleUntil) {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      win.history.pushState(null, '', urlFor(link));
      return;
    }
    if (timer === undefined) timer = setTimeout(write, replaceDelay);
  };

  const onPopState = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    restore();
  };

  if (!restore()) {
    win.history.replaceState(win.history.state, '', urlFor(encodeViewWithin(port.getView()).link));
    // Start-up restores (saved settings read from storage) are not the planner's steps: no entries for them.
    settleUntil = Date.now() + settleMs;
  }
  const unsubscribe = port.subscribe(onChange);
  win.addEventListener('popstate', onPopState);
  return () => {
    unsubscribe();
    win.removeEventListener('popstate', onPopState);
    if (timer !== undefined) clearTimeout(timer);
  };
}
