import { DTypeError } from './errors.js';

/** The element types an {@link Array} can hold. */
export type DType = 'float32' | 'int32' | 'uint32' | 'bool';

/** Every dtype, in promotion order of their kind (bool < unsigned < signed < float). */
export const DTYPES: readonly DType[] = ['bool', 'uint32', 'int32', 'float32'];

/** The TypedArray that stores each dtype: bool is one byte per element, 0 or 1. */
export interface TypedArrayOf {
  float32: Float32Array;
  int32: Int32Array;
  uint32: Uint32Array;
  bool: Uint8Array;
}

/** Any of the TypedArrays an Addax buffer can live in. */
export type TypedArray = TypedArrayOf[DType];

const CONSTRUCTORS = {
  float32: Float32Array,
  int32: Int32Array,
  uint32: Uint32Array,
  bool: Uint8Array,
} as const;

/** A new zero-filled TypedArray of `size` elements for `dtype`. */
export function allocTyped<D extends DType>(dtype: D, size: number): TypedArrayOf[D] {
  return new CONSTRUCTORS[dtype](size) as TypedArrayOf[D];
}

/**
 * `data` with its float32 subnormals flushed to zero of the same sign (other dtypes returned as
 * they are): how a backend that declares `flushesSubnormals` sees operands and writes results, so
 * its CPU fallbacks should compute on values flushed this way too.
 *
 * @example
 * ```ts
 * ax.flushSubnormals(new Float32Array([2 ** -149, -(2 ** -140), 1]), 'float32'); // [0, -0, 1]
 * ```
 */
export function flushSubnormals<T extends TypedArray>(data: T, dtype: DType): T {
  if (dtype !== 'float32') return data;
  return data.map((v) => (Math.abs(v) < SMALLEST_NORMAL ? v * 0 : v)) as T;
}

const SMALLEST_NORMAL = 2 ** -126;

/** The dtype a TypedArray stores natively; Uint8Array is read as bool. */
export function dtypeOfTyped(data: TypedArray): DType {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof Uint32Array) return 'uint32';
  return 'bool';
}

/** Bytes per element as stored. */
export function itemSize(dtype: DType): number {
  return CONSTRUCTORS[dtype].BYTES_PER_ELEMENT;
}

export function isFloat(dtype: DType): boolean {
  return dtype === 'float32';
}

export function isInteger(dtype: DType): boolean {
  return dtype === 'int32' || dtype === 'uint32';
}

export function checkDType(value: unknown, where: string): DType {
  if (value === 'float32' || value === 'int32' || value === 'uint32' || value === 'bool') return value;
  throw new DTypeError(
    `${where}: unknown dtype ${JSON.stringify(value)}; expected one of ${DTYPES.join(', ')}`,
  );
}

/**
 * A promotion operand: a dtype that is either strong (an array's) or weak (a bare JS number or
 * boolean), as in JAX's type promotion lattice. Weak operands defer to strong ones of a wider
 * kind-class: `int32Array + 1` stays int32, `int32Array + 0.5` becomes float32.
 */
export interface PromotionOperand {
  dtype: DType;
  weak: boolean;
}

const KIND_RANK: Record<DType, number> = { bool: 0, uint32: 1, int32: 1, float32: 2 };

function promoteStrong(a: DType, b: DType): DType {
  if (a === b) return a;
  // JAX promotes uint32 with int32 to int64, which canonicalises to int32 without x64.
  const ra = KIND_RANK[a];
  const rb = KIND_RANK[b];
  if (ra === rb) return 'int32';
  return ra > rb ? a : b;
}

/**
 * The result dtype of combining operands, following JAX's lattice `bool < i* < f*`, `i* < u32, i32`,
 * `f* < float32`. With only weak operands the result is float32 for numbers and bool for booleans,
 * matching TensorFlow.js's default for JS literals.
 */
export function resultType(...operands: PromotionOperand[]): DType {
  const strong = operands.filter((o) => !o.weak).map((o) => o.dtype);
  const weak = operands.filter((o) => o.weak).map((o) => o.dtype);
  if (strong.length === 0) {
    return weak.every((d) => d === 'bool') && weak.length > 0 ? 'bool' : 'float32';
  }
  let out = strong.reduce(promoteStrong);
  for (const w of weak) {
    if (KIND_RANK[w] > KIND_RANK[out]) out = w === 'float32' ? 'float32' : 'int32';
  }
  return out;
}

/** The weak dtype of a JS scalar: integers are weak int32, other numbers weak float32. */
export function weakTypeOf(value: number | boolean): DType {
  if (typeof value === 'boolean') return 'bool';
  return Number.isInteger(value) ? 'int32' : 'float32';
}
