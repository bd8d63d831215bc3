import type { ShapeDtype } from './aval.js';
import type { DType, TypedArray } from './dtype.js';
import type { Shape } from './shape.js';
import { sizeOf } from './shape.js';

/** A JS value nested like an array's shape: numbers for numeric dtypes, booleans for bool. */
export type Nested<T> = T | Nested<T>[];

/** What operations accept where an array is expected: an {@link Array} or a JS scalar. */
export type ArrayLike = Array | number | boolean;

/**
 * An immutable n-dimensional array. Concrete arrays live in a backend's buffer; inside a
 * transformation the same type stands for a traced value, so user functions are written once.
 * Operations never consume their inputs; free buffers with `dispose()` or {@link tidy}.
 *
 * @example
 * ```ts
 * import * as ax from '@addax/core';
 * import '@addax/backend-cpu';
 * const x = ax.array([[1, 2], [3, 4]]);
 * const y = ax.matmul(x, ax.transpose(x)).add(1);
 * console.log(await y.data(), y.shape, y.dtype); // Float32Array [6, 12, 12, 26] [2, 2] 'float32'
 * ```
 */
export abstract class Array {
  /** The shape and dtype, without data. */
  abstract get aval(): ShapeDtype;

  get shape(): Shape {
    return this.aval.shape;
  }

  get dtype(): DType {
    return this.aval.dtype;
  }

  get ndim(): number {
    return this.aval.shape.length;
  }

  get size(): number {
    return sizeOf(this.aval.shape);
  }

  /** The elements in row-major order, read back from the backend. */
  abstract data(): Promise<TypedArray>;

  /** As {@link Array.data}, synchronously, where the backend can read synchronously. */
  abstract dataSync(): TypedArray;

  /** Frees the buffer. Further reads raise an error; disposing twice is harmless. */
  abstract dispose(): void;

  /** Whether {@link Array.dispose} has run. */
  abstract get isDisposed(): boolean;

  /** The elements as nested JS arrays (numbers, or booleans for bool); a scalar gives a plain value. */
  async array(): Promise<Nested<number | boolean>> {
    return nest(await this.data(), this.shape, this.dtype);
  }

  /** As {@link Array.array}, synchronously. */
  arraySync(): Nested<number | boolean> {
    return nest(this.dataSync(), this.shape, this.dtype);
  }

  /** The value of a one-element array as a JS number (or boolean for bool). */
  item(): number | boolean {
    if (this.size !== 1) {
      throw new TypeError(
        `item(): only one-element arrays convert to a scalar, got shape [${this.shape.join(', ')}]`,
      );
    }
    const v = this.dataSync()[0]!;
    return this.dtype === 'bool' ? v !== 0 : v;
  }
}

function nest(data: TypedArray, shape: Shape, dtype: DType): Nested<number | boolean> {
  const at = (i: number): number | boolean => (dtype === 'bool' ? data[i] !== 0 : data[i]!);
  if (shape.length === 0) return at(0);
  const build = (axis: number, offset: number): Nested<number | boolean>[] => {
    const n = shape[axis]!;
    const inner = sizeOf(shape.slice(axis + 1));
    const out: Nested<number | boolean>[] = [];
    for (let i = 0; i < n; i++) {
      out.push(axis === shape.length - 1 ? at(offset + i) : build(axis + 1, offset + i * inner));
    }
    return out;
  };
  return build(0, 0);
}

function formatElement(v: number | boolean, dtype: DType): string {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (dtype !== 'float32' || !Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.`;
  return String(Number(v.toPrecision(7)));
}

/** numpy-style text of nested values, e.g. `[[1., 2.], [3., 4.]]`. */
export function formatNested(value: Nested<number | boolean>, dtype: DType): string {
  if (!globalThis.Array.isArray(value)) return formatElement(value, dtype);
  return `[${value.map((v) => formatNested(v, dtype)).join(', ')}]`;
}
