import { checkDType, type DType } from './dtype.js';
import { checkShape, formatShape, shapeEqual, sizeOf, type Shape } from './shape.js';

const SHORT: Record<DType, string> = { float32: 'f32', int32: 'i32', uint32: 'u32', bool: 'bool' };

/**
 * An abstract value: a shape and a dtype, no data. Abstract evaluation, tracing and `evalShape`
 * work on these; every {@link Array} has one as its `aval`.
 *
 * @example
 * ```ts
 * const spec = new ShapeDtype([2, 3], 'float32');
 * spec.toString(); // 'f32[2,3]'
 * ```
 */
export class ShapeDtype {
  readonly shape: Shape;
  readonly dtype: DType;

  constructor(shape: Shape, dtype: DType) {
    this.shape = Object.freeze([...checkShape(shape, 'ShapeDtype')]);
    this.dtype = checkDType(dtype, 'ShapeDtype');
  }

  get ndim(): number {
    return this.shape.length;
  }

  get size(): number {
    return sizeOf(this.shape);
  }

  equals(other: ShapeDtype): boolean {
    return this.dtype === other.dtype && shapeEqual(this.shape, other.shape);
  }

  /** JAX's short form, e.g. `f32[2,3]`. */
  toString(): string {
    return `${SHORT[this.dtype]}[${this.shape.join(',')}]`;
  }

  /** The long form used in error messages, e.g. `float32[2, 3]`. */
  describe(): string {
    return `${this.dtype}${formatShape(this.shape)}`;
  }
}
