import { sizeOf, type Shape } from '@addax/core';

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
 */
function axisTaps(axis: TapAxis): Int32Array {
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
 * The operand offsets a window reads, per output position: built once per kernel call from one
 * small table per axis, then filled for each output position in O(window size).
 *
 * @example
 * ```ts
 * const taps = new WindowTaps([{ size: 5, stride: 1, window: 3, windowStride: 2, padLow: 1,
 *   baseDilation: 1, windowDilation: 1, outSize: 3 }]);
 * taps.forEachPosition((p, t) => console.log(p, [...t])); // 0 [-1, 0, 1], 1 [1, 2, 3], 2 [3, 4, -1]
 * ```
 */
export class WindowTaps {
  /** Window positions per output position, in row-major order of the window's axes. */
  readonly count: number;
  readonly outShape: Shape;
  readonly #axes: readonly TapAxis[];
  readonly #tables: readonly Int32Array[];

  constructor(axes: readonly TapAxis[]) {
    this.#axes = axes;
    this.#tables = axes.map(axisTaps);
    this.count = axes.reduce((n, a) => n * a.window, 1);
    this.outShape = axes.map((a) => a.outSize);
  }

  /**
   * Calls `visit(position, taps)` for every output position in row-major order, `taps` holding the
   * offset each window position reads (-1 for padding and holes). `taps` is one buffer, refilled.
   *
   * @example
   * ```ts
   * taps.forEachPosition((position, offsets) => { out[position] = sumOf(offsets); });
   * ```
   */
  forEachPosition(visit: (position: number, taps: Int32Array) => void): void {
    const total = sizeOf(this.outShape);
    const index = this.outShape.map(() => 0);
    const taps = new Int32Array(this.count);
    for (let position = 0; position < total; position++) {
      this.#fill(index, taps);
      visit(position, taps);
      for (let a = index.length - 1; a >= 0; a--) {
        if (++index[a]! < this.outShape[a]!) break;
        index[a] = 0;
      }
    }
  }

  /** The taps of one output position, built axis by axis, expanding in place from the back. */
  #fill(outIndex: readonly number[], into: Int32Array): void {
    let n = 1;
    into[0] = 0;
    this.#axes.forEach((axis, a) => {
      const k = axis.window;
      const table = this.#tables[a]!;
      const base = outIndex[a]! * k;
      for (let i = n - 1; i >= 0; i--) {
        const t = into[i]!;
        for (let w = k - 1; w >= 0; w--) {
          const u = table[base + w]!;
          into[i * k + w] = t < 0 || u < 0 ? -1 : t + u;
        }
      }
      n *= k;
    });
  }
}
