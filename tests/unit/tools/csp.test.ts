import { readFileSync } from 'node:fs';
import type { HtmlTagDescriptor, IndexHtmlTransformContext, PreviewServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { CSP_HEADER, CSP_META, contentSecurityPolicy } from '../../../tools/csp.ts';

type Handler = (html: string, ctx: IndexHtmlTransformContext) => HtmlTagDescriptor[] | string;

describe('the Content-Security-Policy of the built app', () => {
  const plugin = contentSecurityPolicy();

  it('is strict: scripts and workers from the app only, no inline script, no eval, no framing', () => {
    const directives = new Map(
      CSP_HEADER.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')] as const),
    );
    expect(directives.get('script-src')).toBe("'self'");
    // blob: workers are made only by the app's scripts (fflate zipping the .xlsx export).
    expect(directives.get('worker-src')).toBe("'self' blob:");
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('connect-src')).toBe("'self' https://tile.openstreetmap.org");
    expect(CSP_HEADER).not.toMatch(/unsafe-(eval|inline)/);
    // A meta tag cannot carry frame-ancestors (browsers ignore it there and warn).
    expect(CSP_META).not.toContain('frame-ancestors');
    expect(CSP_HEADER.startsWith(CSP_META)).toBe(true);
  });

  it('goes into the built page as a meta tag, first in <head>; not into the dev server’s page', () => {
    const { handler } = plugin.transformIndexHtml as { handler: Handler };
    expect(handler('<html></html>', { path: '/index.html', filename: 'index.html' })).toEqual([
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META },
        injectTo: 'head-prepend',
      },
    ]);
    const dev = { path: '/index.html', filename: 'index.html', server: {} } as IndexHtmlTransformContext;
    expect(handler('<html></html>', dev)).toBe('<html></html>');
  });

  it('is sent as a header, with frame-ancestors and the other security headers, by npm start', () => {
    const middlewares: ((req: unknown, res: unknown, next: () => void) => void)[] = [];
    const server = { middlewares: { use: (m: (typeof middlewares)[number]) => middlewares.push(m) } };
    (plugin.configurePreviewServer as (s: PreviewServer) => void)(server as unknown as PreviewServer);
    const headers = new Map<string, string>();
    let passedOn = false;
    middlewares[0]?.({}, { setHeader: (k: string, v: string) => headers.set(k, v) }, () => (passedOn = true));
    expect(passedOn).toBe(true);
    expect(Object.fromEntries(headers)).toEqual({
      'Content-Security-Policy': CSP_HEADER,
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });

  it('is the one the README tells hosts to send', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(
      `add_header Content-Security-Policy "${CSP_HEADER}" always;`,
    );
  });
});
