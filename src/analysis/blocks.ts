import { computeHamlet, forget, type EngineState } from './engine.ts';
import type { HamletCoverage } from './types.ts';

/**
 * A run split across threads: every thread prepares the same engine (`prepareEngine`) and computes
 * blocks of {@link BLOCK} hamlets in {@link hamletOrder}; one thread merges the others' blocks into its
 * state. Each hamlet's result depends only on the inputs, and the warnings are put back in block order,
 * so the merged result is one thread's, exactly. Shared by the CLI's worker_threads and the page's Web
 * Workers.
 *
 * @example
 * const merge = new BlockMerge(state, order);
 * for (let b = 0; b < merge.blocks; b++) merge.add(computeBlock(other, order, b)); // on other threads
 * merge.finish();
 */

/** Hamlets per block: what one thread takes at a time (~30 ms of work), small enough to balance the load. */
export const BLOCK = 256;

type Nearest = EngineState['nearestAccess'][number];

/** One block's results as a thread sends them to the one that merges. */
export interface BlockResult {
  block: number;
  coverage: HamletCoverage[];
  /** Per hamlet: nearest access fibre, backbone and site (a what-if edit moves them); absent if unwanted. */
  nearest?: [Nearest, Nearest, Nearest][];
  /** The warnings computing the block added, in the order its hamlets were computed. */
  warnings: string[];
}

/** The hamlet indices `[start, end)` of `order` that block `b` holds. */
export function blockRange(order: readonly number[], b: number): [number, number] {
  return [b * BLOCK, Math.min(order.length, (b + 1) * BLOCK)];
}

export function blockCount(order: readonly number[]): number {
  return Math.ceil(order.length / BLOCK);
}

/**
 * Computes block `b` on a thread that sends it on: the results leave `state` with it (the sending
 * thread needs none of them again), and so does each hamlet's clipped geometry.
 */
export function computeBlock(
  state: EngineState,
  order: readonly number[],
  b: number,
  withNearest = false,
): BlockResult {
  const prefix = state.inputWarnings.length;
  const coverage: HamletCoverage[] = [];
  const nearest: [Nearest, Nearest, Nearest][] = [];
  const [start, end] = blockRange(order, b);
  for (let i = start; i < end; i++) {
    const hi = order[i] as number;
    computeHamlet(state, hi);
    coverage.push(state.coverage[hi] as HamletCoverage);
    if (withNearest) nearest.push(nearestOf(state, hi));
    delete state.coverage[hi];
    forget(state, hi);
  }
  const warnings = state.inputWarnings.splice(prefix);
  return withNearest ? { block: b, coverage, nearest, warnings } : { block: b, coverage, warnings };
}

function nearestOf(state: EngineState, hi: number): [Nearest, Nearest, Nearest] {
  return [state.nearestAccess[hi] ?? null, state.nearestBackbone[hi] ?? null, state.nearestSite[hi] ?? null];
}

/**
 * The merging thread's side: the blocks it computes itself (`computeHere`) and those it receives
 * (`add`), in any order; `finish` appends the blocks' warnings in block order.
 */
export class BlockMerge {
  readonly blocks: number;
  /** Hamlets computed or received so far. */
  done = 0;
  private received = 0;
  private readonly warnings: string[][] = [];
  private readonly prefix: number;

  constructor(
    private readonly state: EngineState,
    private readonly order: readonly number[],
  ) {
    this.blocks = blockCount(order);
    this.prefix = state.inputWarnings.length;
  }

  /** Whether every block is in. */
  get complete(): boolean {
    return this.received >= this.blocks;
  }

  /**
   * Computes block `b` on the merging thread. Its hamlets' geometry stays (what-if edits and tower-sharing
   * candidates read it) unless `keepGeometry` is false.
   */
  computeHere(b: number, keepGeometry = true): void {
    const [start, end] = blockRange(this.order, b);
    for (let i = start; i < end; i++) {
      computeHamlet(this.state, this.order[i] as number);
      if (!keepGeometry) forget(this.state, this.order[i] as number);
    }
    this.warnings[b] = this.state.inputWarnings.splice(this.prefix);
    this.done += end - start;
    this.received++;
  }

  /** A block another thread computed (`computeBlock`). */
  add(r: BlockResult): void {
    const { state, order } = this;
    const start = r.block * BLOCK;
    r.coverage.forEach((h, i) => {
      const hi = order[start + i] as number;
      state.coverage[hi] = h;
      const near = r.nearest?.[i];
      if (near) [state.nearestAccess[hi], state.nearestBackbone[hi], state.nearestSite[hi]] = near;
    });
    this.warnings[r.block] = r.warnings;
    this.done += r.coverage.length;
    this.received++;
  }

  /** Appends the blocks' warnings to the state's, in block order (as one thread adds them). */
  finish(): void {
    for (const w of this.warnings) if (w) this.state.inputWarnings.push(...w);
  }
}

/**
 * Gives hamlet `hi` its clipped geometry and operator figures when another thread computed it (only its
 * result and nearest features were merged): what-if edits and tower-sharing candidates read them. Its
 * result is computed again from the state as it is now, which equals the merged one while no edit
 * reached it. Its result stays the merged one, and its warnings, reported when it was first computed, are
not added twice.
 */
export function materialise(state: EngineState, hi: number): void {
  if (state.geometry[hi] && state.operators[hi]) return;
  const n = state.inputWarnings.length;
  const result = state.coverage[hi];
  computeHamlet(state, hi, 'classes');
  if (result) state.coverage[hi] = result;
  state.inputWarnings.length = n;
}

/** {@link materialise} every hamlet of the given tiles. */
export function materialiseTiles(state: EngineState, tiles: Iterable<number>): void {
  for (const ti of tiles) for (const hi of state.tiles[ti]?.hamlets ?? []) materialise(state, hi);
}
