import type { Plugin } from 'vite';

/**
 * The only outside host the app may ever reach: OpenStreetMap's tiles, for the optional basemap. The
 * policy allows it; the app itself never asks for a tile until the user has allowed the basemap in this
 * browser (a shared link cannot turn it on alone): a meta policy is static, so the gate is in the app.
 */
export const OSM_TILE_ORIGIN = 'https://tile.openstreetmap.org';

/**
 * The Content-Security-Policy of the built app. Scripts and workers only from the app's own origin (no
 * inline script, no eval); workers also from `blob:` URLs, which only the app's own scripts can make
 * (fflate, zipping the .xlsx export, compresses large parts in such workers); styles from its own style
 * sheets (React and MapLibre set styles through the DOM, which the policy allows); images also from
 * `data:` and `blob:` (MapLibre decodes tiles and icons through blob URLs); no plugins, no `<base>`, no
 * form posts.
 */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  `connect-src 'self' ${OSM_TILE_ORIGIN}`,
  `img-src 'self' data: blob: ${OSM_TILE_ORIGIN}`,
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy as the page's meta tag says it (frame-ancestors is ignored in a meta tag: headers only). */
export const CSP_META = CSP_DIRECTIVES.join('; ');

/** The policy as a header, with frame-ancestors: no other site may frame the app (clickjacking). */
export const CSP_HEADER = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** Headers for every response of the app's server (`npm start`); hosting should send the same. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Puts the policy in the built index.html (so it holds wherever the files are hosted) and sends it, with
 * frame-ancestors and the other security headers, from `vite preview` (`npm start`). The dev server gets
 * neither: Vite's hot reload injects inline scripts.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'vt-content-security-policy',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.server) return html;
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
        next();
      });
    },
  };
}
