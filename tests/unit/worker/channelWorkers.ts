import * as Comlink from 'comlink';

/**
 * Workers on MessageChannels in this thread, each exposing `api()` as the real worker module does, for
 * the clients to talk Comlink to. `terminate` closes the channel. A doomed worker fails as one that cannot
 * load or runs out of memory does: an `error` event at its first message, which it never answers.
 */
export function channelWorkers(api: () => object, doomed: (index: number) => boolean = () => false) {
  const made: { terminated: boolean }[] = [];
  const makeWorker = (): Worker => {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(api(), port2);
    const record = { terminated: false };
    const dies = doomed(made.length);
    made.push(record);
    const post = port1.postMessage.bind(port1);
    return Object.assign(port1, {
      postMessage: (message: unknown, transfer?: Transferable[]): void => {
        if (!dies) return post(message, transfer ?? []);
        setTimeout(() => port1.dispatchEvent(new Event('error')), 0);
      },
      terminate: () => {
        record.terminated = true;
        port1.close();
        port2.close();
      },
    }) as unknown as Worker;
  };
  return { made, makeWorker };
}
