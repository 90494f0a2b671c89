import { parseArgs } from 'node:util';
import { CliError, EXIT_USAGE } from './errors.ts';

export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in --help, e.g. "FILE" or "METRES". */
  value?: string;
  help: string;
}
export type FlagTable = Record<string, FlagSpec>;

/**
 * Parses `argv` against a command's flag table. Unknown flags, missing values and stray words become
 * one-line usage errors naming the flag (with the nearest known flag when it looks like a typo).
 */
export function parseFlags(
  command: string,
  argv: string[],
  flags: FlagTable,
): Record<string, string | boolean | undefined> {
  const options = Object.fromEntries(
    Object.entries(flags).map(([name, f]) => [
      name,
      f.short ? { type: f.type, short: f.short } : { type: f.type },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({
      args: joinNegativeValues(argv, flags),
      options,
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length > 0) {
      throw new CliError(
        `vungtrang ${command}: unexpected argument "${positionals[0]}". Flags take the form --name VALUE; see --help.`,
        EXIT_USAGE,
      );
    }
    return values as Record<string, string | boolean | undefined>;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(
      `vungtrang ${command}: ${explain(e, flags)} Run "vungtrang ${command} --help".`,
      EXIT_USAGE,
    );
  }
}

/**
 * `--fibre-radius -5`: node's parseArgs takes "-5" for a flag and reports a missing value. A string
 * flag followed by a negative number gets the number as its value (`--fibre-radius=-5`), so the range
 * check names the real problem.
 */
function joinNegativeValues(argv: string[], flags: FlagTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name && flags[name]?.type === 'string' && next !== undefined && /^-\.?\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function explain(e: unknown, flags: FlagTable): string {
  const err = e as { code?: string; message?: string };
  const flag = /'(-{1,2}[^' ]+)/.exec(err.message ?? '')?.[1] ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = nearest(flag.replace(/^-+/, ''), Object.keys(flags));
    return `unknown flag ${flag}.${near ? ` Did you mean --${near}?` : ''}`;
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const spec = flags[flag.replace(/^-+/, '')];
    return spec?.type === 'boolean'
      ? `${flag} takes no value.`
      : `${flag} needs a value (${spec?.value ?? 'VALUE'}).`;
  }
  return err.message ?? String(e);
}

/** The known name within edit distance 2 of a mistyped one, if any. */
function nearest(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    const d = editDistance(name, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** The flags part of a command's --help text. */
export function flagHelp(flags: FlagTable): string {
  const rows = Object.entries(flags).map(([name, f]) => {
    const left = `${f.short ? `-${f.short}, ` : '    '}--${name}${f.value ? ` ${f.value}` : ''}`;
    return [left, f.help] as const;
  });
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return rows.map(([l, h]) => `  ${l.padEnd(width)}${h}`).join('\n');
}
