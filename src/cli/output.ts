import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './errors.ts';

/**
 * Checks, before any work, that `dir` can receive the outputs: it is new, empty, or holds only files
 * that a previous run wrote (`names`), so replacing it loses nothing of the user's.
 */
export async function checkOutputDir(dir: string, names: readonly string[]): Promise<void> {
  const target = resolve(dir);
  let isDir: boolean;
  try {
    isDir = (await stat(target)).isDirectory();
  } catch {
    return;
  }
  if (!isDir) throw new CliError(`--out ${dir} is a file, not a directory. Choose a directory path.`);
  const foreign = (await readdir(target)).filter((n) => !names.includes(n));
  if (foreign.length > 0) {
    const list = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ', …' : '');
    throw new CliError(
      `--out ${dir} already holds other files (${list}); they would be replaced. Choose a new or empty directory.`,
    );
  }
}

/**
 * Writes all files into a temporary directory beside `dir`, then renames it into place, so `dir`
 * either holds a complete set of outputs or is left as it was; a failed run leaves no partial output.
 */
export async function writeOutputsAtomically(dir: string, files: Record<string, string>): Promise<void> {
  const target = resolve(dir);
  await checkOutputDir(dir, Object.keys(files));
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const tmp = await mkdtemp(join(parent, `.${basename(target)}.partial-`));
  try {
    for (const [name, content] of Object.entries(files)) await writeFile(join(tmp, name), content, 'utf8');
    let old: string | null = null;
    try {
      await stat(target);
      old = await mkdtemp(join(parent, `.${basename(target)}.old-`));
      await rm(old, { recursive: true });
      await rename(target, old);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    await rename(tmp, target);
    if (old) await rm(old, { recursive: true, force: true });
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}
