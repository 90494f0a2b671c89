import type { ProgressCallback } from '../analysis/types.ts';

export interface ProgressStream {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

/**
 * Progress on stderr. On a terminal one line is rewritten in place (`\r`), at most every 100 ms; in
 * a log or a pipe, where `\r` would pile up, a line is written when the phase changes and at each
 * quarter of it.
 */
export function progressReporter(stream: ProgressStream): { onProgress: ProgressCallback; done(): void } {
  let phase = '';
  let lastQuarter = -1;
  let lastDraw = 0;
  let drawn = false;
  const onProgress: ProgressCallback = (done, total, nextPhase) => {
    const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
    const line = `${nextPhase}: ${done}/${total} (${pct}%)`;
    if (stream.isTTY) {
      const now = Date.now();
      if (nextPhase === phase && now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      phase = nextPhase;
      stream.write(`\r\x1b[K${line}`);
      drawn = true;
      return;
    }
    const quarter = Math.floor(pct / 25);
    if (nextPhase !== phase || quarter > lastQuarter) {
      phase = nextPhase;
      lastQuarter = quarter;
      stream.write(`${line}\n`);
    }
  };
  return {
    onProgress,
    done() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
