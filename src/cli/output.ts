import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFile,
} from 'node:fs';
import { access, lstat, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import type { MessagePort } from 'node:worker_threads';
import { CliError, EXIT_OUTPUT, EXIT_SIGNAL } from './errors.ts';

/** Where a run will write, as checked before any work by {@link checkOutputDir}. */
export interface OutputDir {
  /** --out as typed, for messages. */
  dir: string;
  /** Where files go: --out with symbolic links resolved, so a linked --out is written through. */
  path: string;
  /** Every name the command may write: only these are ever replaced. */
  names: readonly string[];
}

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;
const fail = (message: string): never => {
  throw new CliError(message, EXIT_OUTPUT);
};

/**
 * Checks, before any work, that `dir` can receive the outputs `names`: it is a directory this process
 * may write in (or can be created), no file of those names is in the way as a directory or a link, and
 * no input file lies inside it. Other files in it are never touched.
 *
 * @throws CliError with exit code 73 naming the problem and the fix.
 */
export async function checkOutputDir(
  dir: string,
  names: readonly string[],
  inputs: readonly string[] = [],
): Promise<OutputDir> {
  const abs = resolve(dir);
  let path: string;
  let exists = true;
  try {
    if (!(await stat(abs)).isDirectory())
      fail(`--out ${dir} is a file, not a directory. Choose a directory.`);
    path = await realpath(abs);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = errno(e);
    // ENOTDIR: a file stands in the path; the walk up finds it and names it.
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      path = await plannedPath(dir, abs);
      exists = false;
    } else throw pathError(dir, abs, code);
  }
  if (exists) {
    await writable(path, `--out ${dir}: no permission to write in it. Choose a directory you can write to.`);
    for (const name of names) {
      const s = await lstat(join(path, name)).catch(() => null);
      if (s && !s.isFile()) {
        fail(
          `--out ${dir} holds ${name} as a ${s.isDirectory() ? 'directory' : s.isSymbolicLink() ? 'link' : 'special file'}, ` +
            'where the results go; it is not a file this tool wrote. Move it, or choose another --out.',
        );
      }
    }
  }
  for (const input of inputs) {
    const real = await realpath(resolve(input)).catch(() => null);
    const rel = real === null ? null : relative(path, real);
    if (rel !== null && rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) {
      fail(
        `--out ${dir} holds the input ${input}; results are never written beside the inputs. Choose another --out.`,
      );
    }
  }
  return { dir, path, names };
}

/** For an --out that does not exist: its nearest existing ancestor must be a directory we may write in. */
async function plannedPath(dir: string, abs: string): Promise<string> {
  const missing: string[] = [];
  let at = abs;
  for (;;) {
    missing.unshift(basename(at));
    const parent = dirname(at);
    if (parent === at) fail(`--out ${dir}: no part of the path exists.`);
    at = parent;
    try {
      const s = await stat(at);
      if (!s.isDirectory()) fail(`--out ${dir} cannot be created: ${at} is a file, not a directory.`);
      break;
    } catch (e) {
      if (e instanceof CliError) throw e;
      if (errno(e) !== 'ENOENT' && errno(e) !== 'ENOTDIR') throw pathError(dir, at, errno(e));
    }
  }
  const link = await lstat(abs).catch(() => null);
  if (link?.isSymbolicLink()) {
    fail(
      `--out ${dir} is a link to ${await readlink(abs)}, which does not exist. Create that directory, or choose another --out.`,
    );
  }
  await writable(
    at,
    `--out ${dir} cannot be created: no permission to write in ${at}. Choose a directory you can write to.`,
  );
  return join(await realpath(at), ...missing);
}

async function writable(path: string, message: string): Promise<void> {
  await access(path, constants.W_OK | constants.X_OK).catch(() => fail(message));
}

function pathError(dir: string, at: string, code: string | undefined): CliError {
  const why: Record<string, string> = {
    ELOOP: 'its path has a loop of symbolic links',
    EACCES: 'no permission to reach it',
    ENAMETOOLONG: 'the path is too long',
  };
  const where = at === resolve(dir) ? '' : ` (at ${at})`;
  return new CliError(
    `--out ${dir} cannot be used: ${why[code ?? ''] ?? `the system says ${code ?? 'it cannot be reached'}`}${where}. Choose another directory.`,
    EXIT_OUTPUT,
  );
}

/** Files being written and directories being created by this process: what an interrupted write leaves. */
const partial = { files: new Set<string>(), dirs: [] as string[] };

/** Where signals come from during a write, and the flag raised for its whole length: see {@link cleanUpOnSignals}. */
let relay: { writing: Int32Array; port: MessagePort } | null = null;

/**
 * From now on, SIGINT (Ctrl-C) or SIGTERM during a write removes its partial files, and any directory
 * the run created, then stops this thread with 130 or 143. The command runs in a worker thread
 * (src/cli/commandThread.ts), which receives no signals: the main thread reads `writing`, raised for the
 * whole of a write, and passes a signal on through `port` while it is; outside a write the signals keep
 * their default effect (a run stopped while it analyses exits at once and has written nothing). Not
 * called by tests that run main() in their own process.
 */
export function cleanUpOnSignals(writing: Int32Array, port: MessagePort): void {
  relay = { writing, port };
}

/** Removes the partial files, then the directories this write created if they are empty. */
function removePartial(): void {
  for (const f of partial.files) rmSync(f, { force: true });
  for (const d of [...partial.dirs].reverse()) {
    try {
      rmdirSync(d);
    } catch {
      // Not empty (or gone): someone else's files are there now; leave it.
    }
  }
  partial.files.clear();
  partial.dirs.length = 0;
}

/** A signal passed on by the main thread, which tells the user once this thread has stopped. */
function onSignal(m: { signal?: NodeJS.Signals }): void {
  if (m.signal !== 'SIGINT' && m.signal !== 'SIGTERM') return;
  removePartial();
  process.exit(EXIT_SIGNAL[m.signal]);
}

/**
 * Writes `files` into the checked directory (a file's content is its text, or its chunks in order, written
 * as they come: a large export is never held whole): each to a temporary name beside its place, then all
 * renamed into place, so the directory keeps the previous results if anything fails. Only the names
 * given are replaced; nothing else in the directory is read, moved or deleted. Files get the usual
 * permissions (0666 less the umask), and directories the run creates 0777 less the umask.
 *
 * Directories, temporary files and renames are made synchronously, each recorded in the same step,
 * so a signal handled between two steps always finds a true list of what to remove.
 *
 * @returns the names of {@link OutputDir.names} left in the directory by an earlier run and not rewritten.
 * @throws CliError (exit 73) when the system refuses a write (permission, disk full); nothing is left behind.
 */
export async function writeOutputs(
  out: OutputDir,
  files: Record<string, string | Iterable<string>>,
): Promise<string[]> {
  const tag = `${process.pid}-${randomBytes(3).toString('hex')}`;
  if (relay) {
    Atomics.store(relay.writing, 0, 1);
    relay.port.on('message', onSignal);
  }
  try {
    const missing: string[] = [];
    for (let d = out.path; !existsSync(d); d = dirname(d)) missing.unshift(d);
    for (const d of missing) {
      mkdirSync(d);
      partial.dirs.push(d);
    }
    const temp: [string, string][] = [];
    for (const [name, content] of Object.entries(files)) {
      const tmp = join(out.path, `.${name}.partial-${tag}`);
      const fd = openSync(tmp, 'wx');
      partial.files.add(tmp);
      temp.push([name, tmp]);
      try {
        if (typeof content === 'string') await writeToFd(fd, content, 'utf8');
        else await writeChunks(fd, content);
      } finally {
        closeSync(fd);
      }
    }
    for (const [name, tmp] of temp) renameSync(tmp, join(out.path, name));
    partial.files.clear();
    partial.dirs.length = 0;
  } catch (e) {
    removePartial();
    if (errno(e) === undefined) throw e;
    throw new CliError(
      `--out ${out.dir}: writing the results failed (${errno(e)}). ` +
        'Check the free space and the permissions, or choose another --out.',
      EXIT_OUTPUT,
    );
  } finally {
    if (relay) {
      relay.port.off('message', onSignal);
      Atomics.store(relay.writing, 0, 0);
    }
  }
  const present = new Set(await readdir(out.path).catch(() => []));
  return out.names.filter((n) => present.has(n) && !(n in files));
}

const writeToFd = promisify(writeFile);

/**
 * Chunks encoded straight into one reused buffer of a megabyte, written each time it fills (a chunk larger
 * than the buffer goes on its own); each write is awaited, so a signal is handled between.
 */
async function writeChunks(fd: number, chunks: Iterable<string>): Promise<void> {
  const buffer = Buffer.allocUnsafe(WRITE_SIZE);
  let used = 0;
  for (const chunk of chunks) {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (used + chunk.length * 3 > WRITE_SIZE) {
      if (used > 0) await writeToFd(fd, buffer.subarray(0, used));
      used = 0;
      if (chunk.length * 3 > WRITE_SIZE) {
        await writeToFd(fd, chunk, 'utf8');
        continue;
      }
    }
    used += buffer.write(chunk, used, 'utf8');
  }
  if (used > 0) await writeToFd(fd, buffer.subarray(0, used));
}

const WRITE_SIZE = 1 << 20;
