import { describe, expect, it } from 'vitest';
import { threadCount } from '../../../src/cli/threads.ts';

const MB = 1024 * 1024;

describe('threadCount', () => {
  it('without --threads: every core for a large hamlets file on three cores or more, else one thread', () => {
    expect(threadCount(undefined, 49 * MB, 16)).toBe(16);
    expect(threadCount(undefined, 16 * MB, 3)).toBe(3);
    // Two cores: a second thread was no faster and held ~45 % more memory.
    expect(threadCount(undefined, 49 * MB, 2)).toBe(1);
    expect(threadCount(undefined, 16 * MB - 1, 16)).toBe(1);
    expect(threadCount(undefined, 49 * MB, 1)).toBe(1);
  });

  it('takes --threads as given, from 1 to 64, on any machine', () => {
    expect(threadCount('2', 0, 2)).toBe(2);
    expect(threadCount(' 64 ', 49 * MB, 1)).toBe(64);
    expect(() => threadCount('0', 0, 2)).toThrow(/without it: one thread on this machine/);
    expect(() => threadCount('65', 0, 8)).toThrow(
      /from 1 to 64, e\.g\. --threads 2 \(without it: 8, the cores of this machine, for a large hamlets file\)/,
    );
  });
});
