/** A binary max-heap of (key, value) pairs: the lazy-greedy queue of upper bounds on candidate gains. */
export class MaxHeap {
  private keys: number[] = [];
  private values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    this.keys.push(key);
    this.values.push(value);
    let i = this.keys.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((this.keys[p] as number) >= key) break;
      this.swap(i, p);
      i = p;
    }
  }

  peekKey(): number {
    return this.keys[0] ?? -Infinity;
  }

  /** Removes the largest; undefined when empty. */
  pop(): { key: number; value: number } | undefined {
    if (this.keys.length === 0) return undefined;
    const top = { key: this.keys[0] as number, value: this.values[0] as number };
    const lastKey = this.keys.pop() as number;
    const lastValue = this.values.pop() as number;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.values[0] = lastValue;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && (this.keys[l] as number) > (this.keys[m] as number)) m = l;
        if (r < this.keys.length && (this.keys[r] as number) > (this.keys[m] as number)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b] as number, this.keys[a] as number];
    [this.values[a], this.values[b]] = [this.values[b] as number, this.values[a] as number];
  }
}
