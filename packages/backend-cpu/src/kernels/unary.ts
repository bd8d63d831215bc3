import {
  allocTyped,
  BackendError,
  type DType,
  type Kernel,
  type KernelsFor,
  type NoParams,
  type TypedArray,
  type UnaryPrimitiveName,
} from '@addax/core';
import { erf, erfInv } from './special.js';

/** A function on one stored value. */
type UnaryFn = (a: number) => number;

/**
 * A kernel applying the function for the operand's dtype at every position. Float32 functions run
 * in double and the store into the Float32Array rounds once; integer functions wrap explicitly.
 */
function unaryKernel(fns: Partial<Record<DType, UnaryFn>>): Kernel<NoParams, TypedArray> {
  return ([x], _, [out]) => {
    const fn = fns[x!.dtype];
    if (!fn) throw new BackendError(`cpu: no unary kernel for dtype ${x!.dtype}`);
    const a = x!.buffer;
    const result = allocTyped(out!.dtype, a.length);
    for (let i = 0; i < a.length; i++) result[i] = fn(a[i]!);
    return [result];
  };
}

/** A kernel for a float32-only function. */
const floatKernel = (fn: UnaryFn): Kernel<NoParams, TypedArray> => unaryKernel({ float32: fn });

/** `r` with the sign of `a`, signed zeros included (the sign of a NaN result does not matter). */
function withSignOf(r: number, a: number): number {
  return a < 0 || Object.is(a, -0) ? -r : r;
}

/** Rounds |a| from its floor and exact fraction, a tie going up where `tieGoesUp(t)`, and restores the sign. */
function roundBy(a: number, tieGoesUp: (t: number) => boolean): number {
  const m = Math.abs(a);
  const t = Math.floor(m);
  const d = m - t;
  return withSignOf(d > 0.5 || (d === 0.5 && tieGoesUp(t)) ? t + 1 : t, a);
}

const sign: UnaryFn = (a) => (a > 0 ? 1 : a < 0 ? -1 : a);

export const unaryKernels: KernelsFor<UnaryPrimitiveName, TypedArray> = {
  neg: unaryKernel({ float32: (a) => -a, int32: (a) => -a | 0, uint32: (a) => -a >>> 0 }),
  abs: unaryKernel({ float32: Math.abs, int32: (a) => Math.abs(a) | 0, uint32: (a) => a }),
  sign: unaryKernel({ float32: sign, int32: sign, uint32: sign }),
  exp: floatKernel(Math.exp),
  exp2: floatKernel((a) => 2 ** a),
  log: floatKernel(Math.log),
  log1p: floatKernel(Math.log1p),
  expm1: floatKernel(Math.expm1),
  sin: floatKernel(Math.sin),
  cos: floatKernel(Math.cos),
  tan: floatKernel(Math.tan),
  tanh: floatKernel(Math.tanh),
  // In double, exp(-a) overflows only where the float32 result underflows to 0 anyway.
  logistic: floatKernel((a) => 1 / (1 + Math.exp(-a))),
  sqrt: floatKernel(Math.sqrt),
  rsqrt: floatKernel((a) => 1 / Math.sqrt(a)),
  reciprocal: floatKernel((a) => 1 / a),
  floor: floatKernel(Math.floor),
  ceil: floatKernel(Math.ceil),
  round: ([x], { method }, [out]) => {
    const tieGoesUp = method === 'halfToEven' ? (t: number) => t % 2 === 1 : () => true;
    const a = x!.buffer;
    const result = allocTyped(out!.dtype, a.length);
    for (let i = 0; i < a.length; i++) result[i] = roundBy(a[i]!, tieGoesUp);
    return [result];
  },
  isFinite: floatKernel((a) => (Number.isFinite(a) ? 1 : 0)),
  erf: floatKernel(erf),
  erfInv: floatKernel(erfInv),
  not: unaryKernel({ bool: (a) => 1 - a, int32: (a) => ~a, uint32: (a) => ~a >>> 0 }),
};
