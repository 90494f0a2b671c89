import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Plugin } from 'vite';

/** The directory of the npm package a bundled module comes from, or null for the project's own code. */
function packageRoot(id: string): string | null {
  const at = id.lastIndexOf(`${sep}node_modules${sep}`);
  if (at < 0) return null;
  const rest = id.slice(at + `${sep}node_modules${sep}`.length).split(sep);
  const depth = rest[0]?.startsWith('@') ? 2 : 1;
  return join(id.slice(0, at), 'node_modules', ...rest.slice(0, depth));
}

const by = (author: string | { name: string } | undefined): string =>
  author ? `, by ${typeof author === 'string' ? author : author.name}` : '';

/**
 * Writes `fileName` beside the bundle with the name, version, licence and licence text of every npm
 * package that went into it: the CLI bundle carries those libraries, so it carries their notices too.
 */
export function bundledLicences(fileName: string): Plugin {
  return {
    name: 'vungtrang:bundled-licences',
    apply: 'build',
    generateBundle(_options, bundle) {
      const roots = new Set<string>();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of chunk.moduleIds) {
          const root = packageRoot(id.replace(/^\0/, '').split('?')[0] ?? '');
          if (root && existsSync(join(root, 'package.json'))) roots.add(root);
        }
      }
      const entries = [...roots]
        .map((root) => {
          const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
            name: string;
            version: string;
            license?: string;
            author?: string | { name: string };
          };
          const file = readdirSync(root).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
          if (!file && !pkg.license) this.error(`${pkg.name}: neither a licence file nor a licence field.`);
          const text = file
            ? readFileSync(join(root, file), 'utf8').trim()
            : `(The package ships no licence text; its package.json declares ${pkg.license}${by(pkg.author)}.)`;
          const head = `${pkg.name} ${pkg.version}${pkg.license ? ` (${pkg.license})` : ''}`;
          return { key: `${pkg.name}@${pkg.version}`, body: `${head}\n\n${text}` };
        })
        .sort((a, b) => (a.key < b.key ? -1 : 1));
      const seen = new Set<string>();
      const unique = entries.filter((e) => !seen.has(e.key) && seen.add(e.key));
      this.emitFile({
        type: 'asset',
        fileName,
        source:
          'The vungtrang command-line bundle includes these packages, under their licences:\n\n' +
          unique.map((e) => e.body).join(`\n\n${'-'.repeat(72)}\n\n`) +
          '\n',
      });
    },
  };
}
