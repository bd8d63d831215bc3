import { Array, type Nested } from './array.js';
import { ShapeDtype } from './aval.js';
import { findBackend, getBackend } from './backend.js';
import { allocTyped, checkDType, dtypeOfTyped, type DType, type TypedArray } from './dtype.js';
import { EagerArray, tidy } from './eager.js';
import { ParameterError, ShapeError } from './errors.js';
import { broadcastInDim } from './lax/shape.js';
import { cast } from './lax/elementwise.js';
import { checkShape, formatShape, sizeOf, type Shape } from './shape.js';

/** Options of {@link array}: the dtype to store, and a shape for flat TypedArray data. */
export interface ArrayOptions {
  dtype?: DType;
  shape?: Shape;
}

const INT_RANGE = { int32: [-(2 ** 31), 2 ** 31 - 1], uint32: [0, 2 ** 32 - 1] } as const;

/**
 * Writes JS values into a TypedArray of `dtype`: bool is `!= 0`, integers truncate toward zero, and
 * a value an integer dtype cannot hold (NaN, Infinity, out of range) is an error, as in JAX.
 */
function fill(out: TypedArray, dtype: DType, values: readonly (number | boolean)[] | TypedArray): void {
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i]);
    if (dtype === 'bool') out[i] = v !== 0 ? 1 : 0;
    else if (dtype === 'float32') out[i] = v;
    else {
      const t = Math.trunc(v);
      const [lo, hi] = INT_RANGE[dtype];
      if (!(t >= lo && t <= hi)) {
        throw new ParameterError(
          `array: value ${v} at flat index ${i} does not fit dtype ${dtype} [${lo}, ${hi}]`,
        );
      }
      out[i] = t;
    }
  }
}

function inferShape(value: Nested<number | boolean>, where: string): number[] {
  const shape: number[] = [];
  let v: Nested<number | boolean> = value;
  while (globalThis.Array.isArray(v)) {
    shape.push(v.length);
    if (v.length === 0) break;
    v = v[0]!;
  }
  return checkShape(shape, where) as number[];
}

function flatten(value: Nested<number | boolean>, shape: Shape, where: string): (number | boolean)[] {
  const out: (number | boolean)[] = [];
  const walk = (v: Nested<number | boolean>, axis: number): void => {
    if (axis === shape.length) {
      if (globalThis.Array.isArray(v) || (typeof v !== 'number' && typeof v !== 'boolean')) {
        throw new ShapeError(`${where}: ragged nested array; expected a number or boolean at depth ${axis}`);
      }
      out.push(v);
      return;
    }
    if (!globalThis.Array.isArray(v) || v.length !== shape[axis]) {
      throw new ShapeError(
        `${where}: ragged nested array; expected ${shape[axis]} elements at depth ${axis} for shape ${formatShape(shape)}`,
      );
    }
    for (const e of v) walk(e, axis + 1);
  };
  walk(value, 0);
  return out;
}

/** Uploads row-major `data` as a new array on the current backend (no conversion). */
export function fromTyped(data: TypedArray, shape: Shape, dtype: DType = dtypeOfTyped(data)): Array {
  const where = 'fromTyped';
  checkShape(shape, where);
  if (sizeOf(shape) !== data.length) {
    throw new ShapeError(`${where}: ${data.length} elements do not fill shape ${formatShape(shape)}`);
  }
  if (dtypeOfTyped(data) !== dtype) {
    throw new ParameterError(`${where}: a ${data.constructor.name} cannot hold dtype ${dtype}`);
  }
  const backend = getBackend();
  return new EagerArray(new ShapeDtype(shape, dtype), backend, backend.upload(data, dtype, shape));
}

/**
 * Makes an array from nested JS arrays, a TypedArray (1-D unless `shape` is given), a scalar, or an
 * existing array (converted to `dtype` if one is given). Numbers default to float32, booleans to
 * bool, TypedArrays to their own dtype (Uint8Array as bool).
 *
 * @example
 * ```ts
 * ax.array([[1, 2], [3, 4]]);                  // float32 [2, 2]
 * ax.array([1, 2, 3], 'int32');
 * ax.array(new Float32Array(6), { shape: [2, 3] });
 * ```
 */
export function array(
  value: Nested<number | boolean> | TypedArray | Array,
  options: DType | ArrayOptions = {},
): Array {
  const where = 'array';
  const opts: ArrayOptions = typeof options === 'string' ? { dtype: options } : options;
  const dtype = opts.dtype === undefined ? undefined : checkDType(opts.dtype, where);
  if (value instanceof Array) {
    if (opts.shape)
      throw new ParameterError(`${where}: 'shape' applies to TypedArray data only; use reshape`);
    return dtype === undefined || dtype === value.dtype ? value : cast(value, dtype);
  }
  if (ArrayBuffer.isView(value)) {
    const shape = opts.shape ?? [value.length];
    const target = dtype ?? dtypeOfTyped(value);
    if (target === dtypeOfTyped(value) && target !== 'bool') return fromTyped(value.slice(), shape, target);
    const out = allocTyped(target, value.length);
    fill(out, target, value);
    return fromTyped(out, shape, target);
  }
  if (opts.shape) throw new ParameterError(`${where}: 'shape' applies to TypedArray data only; use reshape`);
  const shape = inferShape(value, where);
  const flat = flatten(value, shape, where);
  const target = dtype ?? (flat.length > 0 && flat.every((v) => typeof v === 'boolean') ? 'bool' : 'float32');
  const out = allocTyped(target, flat.length);
  fill(out, target, flat);
  return fromTyped(out, shape, target);
}

/** A scalar (shape `[]`) array. */
export function scalar(value: number | boolean, dtype?: DType): Array {
  return array(value, dtype === undefined ? {} : { dtype });
}

/**
 * An array of `shape` filled with `value` (float32 unless `dtype` says otherwise).
 *
 * @example
 * ```ts
 * ax.full([2, 3], 7, 'int32');
 * ```
 */
export function full(shape: Shape, value: number | boolean, dtype?: DType): Array {
  checkShape(shape, 'full');
  const d = dtype ?? (typeof value === 'boolean' ? 'bool' : 'float32');
  return tidy(() => broadcastInDim(scalar(value, d), shape, []));
}

export function zeros(shape: Shape, dtype: DType = 'float32'): Array {
  return full(shape, 0, dtype);
}

export function ones(shape: Shape, dtype: DType = 'float32'): Array {
  return full(shape, 1, dtype);
}

export function fullLike(x: Array, value: number | boolean, dtype: DType = x.dtype): Array {
  return full(x.shape, value, dtype);
}

export function zerosLike(x: Array, dtype: DType = x.dtype): Array {
  return full(x.shape, 0, dtype);
}

export function onesLike(x: Array, dtype: DType = x.dtype): Array {
  return full(x.shape, 1, dtype);
}

function fromValues(values: number[], dtype: DType): Array {
  const out = allocTyped(dtype, values.length);
  fill(out, dtype, values);
  return fromTyped(out, [values.length], dtype);
}

/**
 * `[start, stop)` in steps of `step`, as numpy's `arange`; `arange(n)` counts from 0. The dtype is
 * int32 when every argument is an integer, else float32, unless given.
 *
 * @example
 * ```ts
 * ax.arange(4);          // [0, 1, 2, 3] int32
 * ax.arange(0, 1, 0.25); // [0, 0.25, 0.5, 0.75] float32
 * ```
 */
export function arange(start: number, stop?: number, step = 1, dtype?: DType): Array {
  const [lo, hi] = stop === undefined ? [0, start] : [start, stop];
  for (const [name, v] of [
    ['start', lo],
    ['stop', hi],
    ['step', step],
  ] as const) {
    if (!Number.isFinite(v)) throw new ParameterError(`arange: ${name} must be finite, got ${v}`);
  }
  if (step === 0) throw new ParameterError('arange: step must not be 0');
  const n = Math.max(0, Math.ceil((hi - lo) / step));
  const d = dtype ?? ([lo, hi, step].every(Number.isInteger) ? 'int32' : 'float32');
  return fromValues(
    globalThis.Array.from({ length: n }, (_, i) => lo + i * step),
    d,
  );
}

/**
 * `num` evenly spaced values from `start` to `stop` (inclusive unless `endpoint` is false).
 *
 * @example
 * ```ts
 * ax.linspace(0, 1, 5); // [0, 0.25, 0.5, 0.75, 1]
 * ```
 */
export function linspace(
  start: number,
  stop: number,
  num = 50,
  options: { endpoint?: boolean; dtype?: DType } = {},
): Array {
  if (!Number.isInteger(num) || num < 0)
    throw new ParameterError(`linspace: num must be a non-negative integer, got ${num}`);
  const endpoint = options.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  const step = div > 0 ? (stop - start) / div : 0;
  const values = globalThis.Array.from({ length: num }, (_, i) => start + i * step);
  if (endpoint && num > 1) values[num - 1] = stop;
  return fromValues(values, options.dtype ?? 'float32');
}

/**
 * The `n x m` identity (ones on diagonal `k`).
 *
 * @example
 * ```ts
 * ax.eye(3);
 * ```
 */
export function eye(n: number, m: number = n, k = 0, dtype: DType = 'float32'): Array {
  for (const [name, v] of [
    ['n', n],
    ['m', m],
  ] as const) {
    if (!Number.isInteger(v) || v < 0)
      throw new ParameterError(`eye: ${name} must be a non-negative integer, got ${v}`);
  }
  if (!Number.isInteger(k)) throw new ParameterError(`eye: k must be an integer, got ${k}`);
  const out = allocTyped(dtype, n * m);
  for (let i = 0; i < n; i++) {
    const j = i + k;
    if (j >= 0 && j < m) out[i * m + j] = 1;
  }
  return fromTyped(out, [n, m], dtype);
}

/**
 * A copy of `x` on the backend registered as `backend` (starting it if needed), or `x` itself if
 * it is already there. The data passes through the host, read synchronously.
 *
 * @example
 * ```ts
 * const onCpu = ax.devicePut(x, 'cpu');
 * ```
 */
export function devicePut(x: Array, backend: string): Array {
  const target = findBackend(backend);
  if (x instanceof EagerArray && x.backend === target) return x;
  return new EagerArray(x.aval, target, target.upload(x.dataSync(), x.dtype, x.shape));
}
