import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Files worth compressing ahead, by extension, with the type to serve them as. */
export const GZIP_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.geojson': 'application/geo+json',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
};

/**
 * Serves `<file>.gz` for a GET of `<file>` under `root` when the browser accepts gzip and the build wrote
 * one; anything else goes on to `next` (Vite's own static server). Conditional requests get a 304.
 */
export function gzipStatic(
  root: string,
): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const base = resolve(root);
  return (req, res, next) => {
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    } catch {
      return next();
    }
    const type = GZIP_TYPES[extname(path)];
    const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !type || !accepts) return next();
    const file = resolve(join(base, path));
    if (!file.startsWith(base + sep) || !existsSync(`${file}.gz`)) return next();
    const stat = statSync(`${file}.gz`);
    const etag = `W/"gz-${stat.size}-${stat.mtime.getTime()}"`;
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'no-cache');
    if (req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', stat.size);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(`${file}.gz`).pipe(res);
  };
}

/**
 * Writes a gzip copy of every script, style sheet and GeoJSON file of the build (`x.geojson.gz`), and
 * serves them from `vite preview` (so `npm start`), as nginx's `gzip_static` or any CDN would. Vite's
 * preview compresses scripts on the fly but not `application/geo+json`: the 2.8 MB sample went over the
 * wire raw (0.36 MB gzipped), and compressing on the fly costs the server CPU that, on a two-core
 * machine, the browser needs.
 */
export function gzipAssets(): Plugin {
  let outDir = 'dist';
  return {
    name: 'vt-gzip-assets',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      for (const name of Object.keys(bundle)) {
        if (!(extname(name) in GZIP_TYPES)) continue;
        const file = join(dir, name);
        writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: constants.Z_BEST_COMPRESSION }));
      }
    },
    configurePreviewServer(server) {
      // Added before Vite's own middlewares, so a .gz copy wins over its static server.
      server.middlewares.use(gzipStatic(resolve(server.config.root, server.config.build.outDir)));
    },
  };
}
