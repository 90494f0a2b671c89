/**
 * How the page hears that a worker has died. A worker that fails to load (a missing or blocked script)
 * or throws outside a call fires `error`; one that stops on its own (out of memory, `close()`) fires
 * nothing, so each worker holds a Web Lock for its whole life (`holdLifeline`) and the page queues for
 * the same lock, which it is granted only when the worker is gone. Where Web Locks are missing (an
 * insecure context), only `error` is heard.
 */

interface LifelineMessage {
  vtLifeline: string;
}

function isLifeline(data: unknown): data is LifelineMessage {
  return (
    typeof data === 'object' && data !== null && typeof (data as LifelineMessage).vtLifeline === 'string'
  );
}

function lockManager(): LockManager | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator as { locks?: LockManager }).locks;
}

/**
 * Worker side, first thing in a worker module: asks for this worker's lock and tells the page its name,
 * both at once, while the module is evaluated. The lock is granted at once (nobody else knows the name);
 * its callback may run only after a long synchronous run, but the lock counts as held from the grant, so
 * the page is told the name before any work can start.
 */
export function holdLifeline(): void {
  const locks = lockManager();
  if (!locks) return;
  const name = `vt-worker-${crypto.randomUUID()}`;
  void locks.request(name, () => new Promise<never>(() => undefined));
  postMessage({ vtLifeline: name } satisfies LifelineMessage);
}

/** Waits until the lock manager knows the worker's own request for `name` (held or queued), ≤ 0.5 s. */
async function workerAsked(locks: LockManager, name: string): Promise<void> {
  for (let tries = 0; tries < 20; tries++) {
    const { held = [], pending = [] } = await locks.query();
    if ([...held, ...pending].some((l) => l.name === name)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Page side: calls `onDeath` once, with a short reason, when `worker` fails to load or dies. Returns a
 * function that stops watching; call it before terminating the worker on purpose.
 *
 * @example const unwatch = watchWorker(worker, () => restart()); … unwatch(); worker.terminate();
 */
export function watchWorker(
  worker: Worker,
  onDeath: (reason: string) => void,
  locks: LockManager | undefined = lockManager(),
): () => void {
  let watching = true;
  const die = (reason: string): void => {
    if (!watching) return;
    stop();
    onDeath(reason);
  };
  const onError = (e: Event): void => {
    e.preventDefault();
    const message = (e as ErrorEvent).message;
    die(message ? `it failed (${message})` : 'it could not be loaded');
  };
  const onMessageError = (): void => die('a message from it could not be read');
  const onMessage = (e: MessageEvent): void => {
    if (!isLifeline(e.data) || !locks) return;
    const name = e.data.vtLifeline;
    // Queued behind the worker's own request, the page's is granted only when the worker is gone; a
    // worker that died before asking is gone already, and the page's request is granted at once.
    void workerAsked(locks, name).then(() => locks.request(name, () => die('it stopped')));
  };
  worker.addEventListener('error', onError);
  worker.addEventListener('messageerror', onMessageError);
  worker.addEventListener('message', onMessage);
  function stop(): void {
    watching = false;
    worker.removeEventListener('error', onError);
    worker.removeEventListener('messageerror', onMessageError);
    worker.removeEventListener('message', onMessage);
  }
  return stop;
}

/** A worker with the promise its work races: it rejects with `WorkerDied` when the worker dies. */
export interface WatchedWorker {
  worker: Worker;
  death: Promise<never>;
}

/**
 * Makes a worker and watches it: on its death it is terminated, `onDeath` runs (the client forgets it,
 * so the next call makes a fresh one) and `death` rejects.
 *
 * @example const w = watchedWorker(make, () => (current = null)); await Promise.race([call(), w.death]);
 */
export function watchedWorker(make: () => Worker, onDeath: (w: Worker) => void): WatchedWorker {
  const worker = make();
  const death = new Promise<never>((_, reject) => {
    watchWorker(worker, (reason) => {
      onDeath(worker);
      worker.terminate();
      reject(new WorkerDied(reason));
    });
  });
  death.catch(() => undefined);
  return { worker, death };
}

/** A worker that died twice in a row for one piece of work: the page says so and offers to retry. */
export class WorkerFailed extends Error {
  constructor(
    readonly worker: 'analysis' | 'scenario' | 'import',
    reason: string,
  ) {
    super(`The ${worker} worker stopped twice (${reason}).`);
    this.name = 'WorkerFailed';
  }
}

/** Thrown into the work a worker was doing when it died; the client then starts a fresh one. */
export class WorkerDied extends Error {
  constructor(readonly reason: string) {
    super(`The worker stopped: ${reason}.`);
    this.name = 'WorkerDied';
  }
}
