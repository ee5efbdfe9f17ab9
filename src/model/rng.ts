import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * Seeded randomness with serialisable state, so the same seed gives the same history and a
 * snapshot can carry the generator forward. Nothing in the model uses an unseeded generator.
 */
export class SeededRandom {
  private generator: JumpableRandomGenerator | undefined;
  private readonly seedOrState: number | readonly number[];

  constructor(seedOrState: number | readonly number[]) {
    this.seedOrState = seedOrState;
  }

  /** Built on first use: most simulation steps draw nothing, and then cost nothing here. */
  private get rng(): JumpableRandomGenerator {
    const s = this.seedOrState;
    return (this.generator ??= typeof s === 'number' ? xoroshiro128plus(s) : xoroshiro128plusFromState(s));
  }

  /** Whether anything has been drawn since construction. */
  get used(): boolean {
    return this.generator !== undefined;
  }

  /** An integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }

  /** `n` pseudo-random bytes. Reproducible by design: never use them for real secrets. */
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      const word = this.rng.next();
      for (let j = 0; j < 4 && i + j < n; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
    }
    return out;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('SeededRandom.pick: empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  state(): number[] {
    return [...this.rng.getState()];
  }
}
