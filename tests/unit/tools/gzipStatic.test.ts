import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipStatic } from '../../../tools/gzipStatic.ts';

const BODY = JSON.stringify({ type: 'FeatureCollection', features: [] });

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

describe('gzipStatic: the build’s .gz copies, served by vite preview', () => {
  let dir: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vt-gz-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'hamlets-x.geojson'), BODY);
    writeFileSync(join(dir, 'assets', 'hamlets-x.geojson.gz'), gzipSync(BODY));
    writeFileSync(join(dir, 'assets', 'plain.js'), 'export {}');
    writeFileSync(join(dir, 'secret.geojson.gz'), gzipSync('outside'));
    const serve = gzipStatic(join(dir, 'assets'));
    server = createServer((req, res) =>
      serve(req, res, () => {
        res.statusCode = 299; // "passed on": what Vite's own static server would get
        res.end('next');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> =>
    new Promise((resolve, reject) => {
      // Options, not a URL: a URL would resolve '/../x' before it is sent.
      const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }),
        );
      });
      req.on('error', reject);
      req.end();
    });

  it('serves the gzip copy with its type and encoding to a browser that accepts gzip', async () => {
    const r = await get('/hamlets-x.geojson?v=1', { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers['content-type']).toBe('application/geo+json');
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(r.body).toString()).toBe(BODY);
  });

  it('answers a revalidation with the same ETag with 304 and no body', async () => {
    const first = await get('/hamlets-x.geojson', { 'accept-encoding': 'gzip' });
    const etag = String(first.headers.etag);
    const again = await get('/hamlets-x.geojson', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('passes on what it cannot serve: no gzip accepted, no .gz copy, other methods, paths outside', async () => {
    expect((await get('/hamlets-x.geojson')).status).toBe(299);
    expect((await get('/plain.js', { 'accept-encoding': 'gzip' })).status).toBe(299);
    expect((await get('/hamlets-x.geojson', { 'accept-encoding': 'gzip' }, 'POST')).status).toBe(299);
    expect((await get('/../secret.geojson', { 'accept-encoding': 'gzip' })).status).toBe(299);
    expect((await get('/%E0%A4%A.geojson', { 'accept-encoding': 'gzip' })).status).toBe(299);
  });
});
