import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdPaint, type FramePainter } from '../../../src/map/paintHold.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A painter that records the frames it drew, as MapLibre's draws into the canvas. */
function recordingPainter(): FramePainter & { drawn: unknown[][] } {
  const painter = {
    drawn: [] as unknown[][],
    render(...args: unknown[]): string {
      this.drawn.push(args);
      return 'drawn';
    },
  };
  return painter as unknown as FramePainter & { drawn: unknown[][] };
}

const frame = (p: FramePainter, n: number): unknown => (p.render as (...a: unknown[]) => unknown)(n);

describe('holding back the first data frames', () => {
  it('draws nothing until ready, then the first ready frame and every later one', () => {
    const painter = recordingPainter();
    let ready = false;
    const onRelease = vi.fn();
    holdPaint(painter, () => ready, onRelease, 4000);
    expect(frame(painter, 1)).toBeUndefined();
    expect(frame(painter, 2)).toBeUndefined();
    expect(painter.drawn).toEqual([]);
    ready = true;
    expect(frame(painter, 3)).toBe('drawn');
    ready = false;
    frame(painter, 4);
    // Once released the painter's own method is back, whatever `ready` says later.
    expect(painter.drawn).toEqual([[3], [4]]);
    vi.advanceTimersByTime(5000);
    expect(onRelease).not.toHaveBeenCalled();
  });

  it('lets frames through after the longest wait, and asks for a frame then', () => {
    const painter = recordingPainter();
    const onRelease = vi.fn();
    holdPaint(painter, () => false, onRelease, 4000);
    frame(painter, 1);
    vi.advanceTimersByTime(3999);
    expect(onRelease).not.toHaveBeenCalled();
    frame(painter, 2);
    vi.advanceTimersByTime(1);
    expect(onRelease).toHaveBeenCalledTimes(1);
    frame(painter, 3);
    expect(painter.drawn).toEqual([[3]]);
  });

  it('ends at once when released by hand, without asking for a frame', () => {
    const painter = recordingPainter();
    const onRelease = vi.fn();
    const release = holdPaint(painter, () => false, onRelease, 4000);
    frame(painter, 1);
    release();
    frame(painter, 2);
    vi.advanceTimersByTime(5000);
    expect(painter.drawn).toEqual([[2]]);
    expect(onRelease).not.toHaveBeenCalled();
  });
});
