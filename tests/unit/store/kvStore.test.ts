import { describe, expect, it } from 'vitest';
import { blobKv, readAheadStore, type KeyValueStore } from '../../../src/store/persist/kvStore.ts';
import { memoryStore } from './memoryStore.ts';

/** A Map-backed store that counts its reads. */
function counted(): KeyValueStore & { data: Map<string, unknown>; reads: string[] } {
  const inner = memoryStore();
  const reads: string[] = [];
  return {
    ...inner,
    reads,
    get: (k) => {
      reads.push(k);
      return inner.get(k);
    },
  };
}

describe('readAheadStore', () => {
  it('hands the read started ahead to the next get of its key, once', async () => {
    const inner = counted();
    inner.data.set('a', { n: 1 });
    const kv = readAheadStore(inner);
    kv.readAhead(['a', 'missing']);
    expect(inner.reads).toEqual(['a', 'missing']);
    inner.data.set('a', { n: 2 }); // behind the store's back: the read ahead has the value as it was
    await expect(kv.get('a')).resolves.toEqual({ n: 1 });
    await expect(kv.get('missing')).resolves.toBeUndefined();
    expect(inner.reads).toEqual(['a', 'missing']);
    // The next get reads again.
    await expect(kv.get('a')).resolves.toEqual({ n: 2 });
    expect(inner.reads).toEqual(['a', 'missing', 'a']);
  });

  it('drops a read ahead when its key is written or deleted before the get', async () => {
    const inner = counted();
    inner.data.set('a', 1);
    inner.data.set('b', 1);
    const kv = readAheadStore(inner);
    kv.readAhead(['a', 'b']);
    await kv.set('a', 2);
    await kv.del('b');
    await expect(kv.get('a')).resolves.toBe(2);
    await expect(kv.get('b')).resolves.toBeUndefined();
  });

  it('passes a failed read ahead to its get, without an unhandled rejection before', async () => {
    const inner = counted();
    const failing: KeyValueStore = { ...inner, get: () => Promise.reject(new Error('blocked')) };
    const kv = readAheadStore(failing);
    kv.readAhead(['a']);
    await new Promise((r) => setTimeout(r, 0));
    await expect(kv.get('a')).rejects.toThrow('blocked');
  });
});

describe('blobKv', () => {
  it('keeps bytes as a Blob built a few MB at a time, pausing between the pieces', async () => {
    const inner = memoryStore();
    let pauses = 0;
    const kv = blobKv(inner, () => () => {
      pauses++;
      return undefined;
    });
    const bytes = new Uint8Array(10 * 1024 * 1024 + 3).map((_, i) => i % 251);
    await kv.set('big', bytes.buffer);
    expect(inner.data.get('big')).toBeInstanceOf(Blob);
    expect(pauses).toBeGreaterThanOrEqual(2);
    const back = (await kv.get('big')) as ArrayBuffer;
    expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
  });

  it('lets each buffer go once its bytes are in the Blob, and only then', async () => {
    const inner = memoryStore();
    const kv = blobKv(inner, () => () => undefined);
    const sizes = [10 * 1024 * 1024 + 3, 1000];
    const buffers = sizes.map((n) => new Uint8Array(n).map((_, i) => (i % 251) + 1).buffer);
    const copies = buffers.map((b) => new Uint8Array(b.slice(0)));
    const released: number[] = [];
    // `transfer(0)` as the browser has it: the buffer's bytes are gone (here zeroed) once it is called.
    buffers.forEach((b, i) =>
      Object.defineProperty(b, 'transfer', {
        value: (length: number) => {
          released.push(i);
          new Uint8Array(b).fill(0);
          return new ArrayBuffer(length);
        },
      }),
    );
    await kv.set('big', buffers[0]);
    await kv.set('small', buffers[1]);
    expect(released).toEqual([0, 1]);
    for (const [i, key] of ['big', 'small'].entries()) {
      const back = new Uint8Array((await kv.get(key)) as ArrayBuffer);
      expect(Buffer.from(back).equals(Buffer.from(copies[i]!))).toBe(true);
    }
  });

  it('lets reads go side by side: a slow read does not hold the next one', async () => {
    const inner = memoryStore();
    inner.data.set('fast', 1);
    let release: () => void = () => undefined;
    const slow: KeyValueStore = {
      ...inner,
      get: (k) => (k === 'slow' ? new Promise((r) => (release = () => r('late'))) : inner.get(k)),
    };
    const kv = blobKv(slow);
    const first = kv.get('slow');
    await expect(kv.get('fast')).resolves.toBe(1);
    release();
    await expect(first).resolves.toBe('late');
  });

  it('answers calls in the order they were made, though a write is still building its Blob', async () => {
    const inner = memoryStore();
    const kv = blobKv(inner, () => () => new Promise<void>((r) => setTimeout(r, 5)));
    const big = new ArrayBuffer(9 * 1024 * 1024);
    const write = kv.set('data', big);
    const read = kv.get('data');
    const gone = kv.del('data');
    await Promise.all([write, gone]);
    expect(((await read) as ArrayBuffer).byteLength).toBe(big.byteLength);
    expect(inner.data.has('data')).toBe(false);
  });
});
