/** One axis of a windowed operation, as the kernels walk it. */
export interface TapAxis {
  /** Operand size along the axis (before dilation and padding). */
  readonly size: number;
  /** The operand's buffer stride along the axis. */
  readonly stride: number;
  readonly window: number;
  readonly windowStride: number;
  readonly padLow: number;
  readonly baseDilation: number;
  readonly windowDilation: number;
  readonly outSize: number;
}

/**
 * For every window position along one axis (`out * window + w`), the operand offset it reads, or
 * -1 where it falls in padding or in a base-dilation hole.
 *
 * @example
 * ```ts
 * axisTaps({ size: 3, stride: 1, window: 2, windowStride: 1, padLow: 1, baseDilation: 1,
 *   windowDilation: 1, outSize: 2 }); // [-1, 0, 0, 1]
 * ```
 */
export function axisTaps(axis: TapAxis): Int32Array {
  const taps = new Int32Array(axis.outSize * axis.window);
  for (let o = 0; o < axis.outSize; o++) {
    for (let w = 0; w < axis.window; w++) {
      const pos = o * axis.windowStride + w * axis.windowDilation - axis.padLow;
      const i = pos / axis.baseDilation;
      const inside = pos >= 0 && Number.isInteger(i) && i < axis.size;
      taps[o * axis.window + w] = inside ? i * axis.stride : -1;
    }
  }
  return taps;
}

/**
 * A cursor over the output positions of a windowed operation (row-major), holding the operand
 * offsets the current position's window reads, -1 where it falls in padding or a hole. Built
 * once per kernel call from one small table per axis; the hot loop stays in the kernel.
 *
 * @example
 * ```ts
 * const taps = new WindowTaps([{ size: 5, stride: 1, window: 3, windowStride: 2, padLow: 1,
 *   baseDilation: 1, windowDilation: 1, outSize: 3 }]);
 * taps.current; // [-1, 0, 1]
 * taps.advance();
 * taps.current; // [1, 2, 3]
 * ```
 */
export class WindowTaps {
  /** Window positions per output position, in row-major order of the window's axes. */
  readonly count: number;
  /** The offsets of the current output position's window (one buffer, refilled). */
  readonly current: Int32Array;
  readonly #windows: Int32Array;
  readonly #tables: readonly Int32Array[];
  readonly #outSizes: Int32Array;
  readonly #index: Int32Array;
  /** `#levels[a]`: the taps over axes `0..a` at the current index; the last is `current`. */
  readonly #levels: Int32Array[];
  static readonly #root = new Int32Array(1);

  constructor(axes: readonly TapAxis[]) {
    this.#windows = Int32Array.from(axes, (a) => a.window);
    this.#tables = axes.map(axisTaps);
    this.#outSizes = Int32Array.from(axes, (a) => a.outSize);
    this.#index = new Int32Array(axes.length);
    let size = 1;
    this.#levels = axes.map((a) => new Int32Array((size *= a.window)));
    this.count = size;
    this.current = this.#levels.at(-1) ?? WindowTaps.#root;
    if (this.#outSizes.every((n) => n > 0)) this.#rebuild(0);
  }

  /**
   * Moves to the next output position. Only the levels from the axis whose index changed are
   * rebuilt, so most steps redo just the last axis.
   *
   * @example
   * ```ts
   * for (let p = 0; p < positions; p++, taps.advance()) visit(taps.current);
   * ```
   */
  advance(): void {
    const index = this.#index;
    const shape = this.#outSizes;
    let a = index.length - 1;
    for (; a >= 0; a--) {
      if (++index[a]! < shape[a]!) break;
      index[a] = 0;
    }
    if (a >= 0) this.#rebuild(a);
  }

  #rebuild(from: number): void {
    const levels = this.#levels;
    const windows = this.#windows;
    const tables = this.#tables;
    const index = this.#index;
    for (let a = from; a < levels.length; a++) {
      const prev = a === 0 ? WindowTaps.#root : levels[a - 1]!;
      const into = levels[a]!;
      const k = windows[a]!;
      const table = tables[a]!;
      const base = index[a]! * k;
      for (let i = 0; i < prev.length; i++) {
        const t = prev[i]!;
        for (let w = 0; w < k; w++) {
          const u = table[base + w]!;
          into[i * k + w] = t < 0 || u < 0 ? -1 : t + u;
        }
      }
    }
  }
}
