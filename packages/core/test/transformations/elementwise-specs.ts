/**
 * Every elementwise primitive as a test case for the transformation laws: how to call it, what
 * values its operands take, and, for the differentiable ones, where it is smooth and how closely
 * central differences must match its jvp.
 */
import fc from 'fast-check';
import * as ax from '@addax/core';
import type { Tolerance } from '../laws.js';

/**
 * The values one operand takes. Floats lie in `[min, max]`, pushed out of `(-gap, gap)` when a gap
 * is given (`v + gap` for `v >= 0`, else `v - gap`), so the range becomes `[min - gap, max + gap]`.
 */
export type Kind =
  | { readonly dtype: 'float32'; readonly min: number; readonly max: number; readonly gap?: number }
  | { readonly dtype: 'int32'; readonly min: number; readonly max: number }
  | { readonly dtype: 'uint32' }
  | { readonly dtype: 'bool' };

/** Where a differentiable primitive is checked against central differences with step `eps`. */
export interface Smooth {
  /** The operands differentiated; the others are held fixed. */
  readonly wrt: readonly number[];
  readonly eps: number;
  readonly tol: Tolerance;
  /**
   * Maps operands drawn from `kinds` (all of one shape) to ones away from the primitive's kinks,
   * ties and discontinuities, where the kinds alone cannot say it (max's ties, rem's jumps).
   */
  readonly prepare?: (operands: ax.Array[]) => ax.Array[];
}

export interface Spec {
  readonly name: string;
  readonly f: (...operands: ax.Array[]) => ax.Array;
  readonly kinds: readonly Kind[];
  /** Absent: the derivative is zero everywhere it exists, or the output is not float. */
  readonly smooth?: Smooth;
}

/** Floats in `[min, max]` (outside `(-gap, gap)` when given, see {@link Kind}). */
export const float = (min: number, max: number, gap?: number): Kind => ({ dtype: 'float32', min, max, gap });
const int32: Kind = { dtype: 'int32', min: -1000, max: 1000 };
const uint32: Kind = { dtype: 'uint32' };
const bool: Kind = { dtype: 'bool' };
const shiftAmount: Kind = { dtype: 'int32', min: -2, max: 40 };

function element(kind: Kind): fc.Arbitrary<number | boolean> {
  switch (kind.dtype) {
    case 'float32': {
      const { min, max, gap = 0 } = kind;
      const v = fc.float({ min: Math.fround(min), max: Math.fround(max), noNaN: true });
      return gap === 0 ? v : v.map((x) => (x >= 0 ? x + gap : x - gap));
    }
    case 'int32':
      return fc.integer({ min: kind.min, max: kind.max });
    case 'uint32':
      return fc.integer({ min: 0, max: 0xffffffff });
    case 'bool':
      return fc.boolean();
  }
}

/** An array of `shape` whose elements are drawn from `kind`. */
export function operandArb(kind: Kind, shape: readonly number[]): fc.Arbitrary<ax.Array> {
  const n = shape.reduce((a, b) => a * b, 1);
  return fc
    .array(element(kind), { minLength: n, maxLength: n })
    .map((v) => ax.array(v as number[], kind.dtype).reshape([...shape]));
}

/** Default smoothness check: every float operand, step 1e-2, 1% relative error plus 5e-3. */
const EPS = 1e-2;
const TOL: Tolerance = { rtol: 1e-2, atol: 5e-3 };

function smooth(wrt: readonly number[], extra: Partial<Smooth> = {}): Smooth {
  return { wrt, eps: EPS, tol: TOL, ...extra };
}

const lax = ax.lax;
const unary = (name: string, f: (x: ax.Array) => ax.Array, kind: Kind, differentiable = true): Spec => ({
  name,
  f,
  kinds: [kind],
  ...(differentiable && { smooth: smooth([0]) }),
});
const binary = (
  name: string,
  f: (x: ax.Array, y: ax.Array) => ax.Array,
  kinds: readonly Kind[],
  s?: Smooth,
): Spec => ({
  name,
  f,
  kinds,
  ...(s && { smooth: s }),
});

const wide = float(-3, 3);

/** y = x + d with |d| >= 0.1, so max and min never see a tie. */
const apart = ([x, d]: ax.Array[]): ax.Array[] => [x!, lax.add(x!, d!)];

/**
 * Operands `[u, y]` to `[x, y]` with x = y q, q = floor(u) + 0.15 + 0.7 frac(u) at least 0.15 from
 * an integer, so x rem y has no jump within a step: with |y| >= 0.5, |q| < 4 and tangents in
 * [-1, 1], a step of 1e-2 moves x / y by under 0.1.
 */
function awayFromJumps([u, y]: ax.Array[]): ax.Array[] {
  const whole = lax.floor(u!);
  const frac = lax.sub(u!, whole);
  const q = lax.add(whole, lax.add(ax.fullLike(u!, 0.15), lax.mul(ax.fullLike(u!, 0.7), frac)));
  return [lax.mul(y!, q), y!];
}

export const SPECS: readonly Spec[] = [
  unary('neg', lax.neg, wide),
  unary('neg (int32)', lax.neg, int32, false),
  unary('abs', lax.abs, float(0.05, 3, 0.05)),
  unary('abs (int32)', lax.abs, int32, false),
  unary('sign', lax.sign, wide, false),
  unary('exp', lax.exp, wide),
  unary('exp2', lax.exp2, wide),
  unary('log', lax.log, float(0.1, 5)),
  unary('log1p', lax.log1p, float(-0.5, 3)),
  unary('expm1', lax.expm1, wide),
  unary('sin', lax.sin, wide),
  unary('cos', lax.cos, wide),
  unary('tan', lax.tan, float(-1.2, 1.2)),
  unary('tanh', lax.tanh, wide),
  unary('logistic', lax.logistic, float(-5, 5)),
  unary('sqrt', lax.sqrt, float(0.1, 5)),
  unary('rsqrt', lax.rsqrt, float(0.1, 5)),
  unary('reciprocal', lax.reciprocal, float(0.2, 3, 0.2)),
  unary('floor', lax.floor, wide, false),
  unary('ceil', lax.ceil, wide, false),
  unary('round', (x) => lax.round(x, 'halfToEven'), wide, false),
  unary('isFinite', lax.isFinite, wide, false),
  unary('erf', lax.erf, float(-2, 2)),
  unary('erfInv', lax.erfInv, float(-0.9, 0.9)),
  unary('not (bool)', lax.not, bool, false),
  unary('not (int32)', lax.not, int32, false),
  unary('stopGradient', lax.stopGradient, wide, false),

  binary('add', lax.add, [wide, wide], smooth([0, 1])),
  binary('add (uint32)', lax.add, [uint32, uint32]),
  binary('sub', lax.sub, [wide, wide], smooth([0, 1])),
  binary('mul', lax.mul, [wide, wide], smooth([0, 1])),
  binary('mul (int32)', lax.mul, [int32, int32]),
  binary('div', lax.div, [wide, float(0.5, 3, 0.5)], smooth([0, 1])),
  binary('div (int32)', lax.div, [int32, int32]),
  binary('rem', lax.rem, [wide, float(0.5, 2, 0.5)], smooth([0, 1], { prepare: awayFromJumps })),
  binary('rem (int32)', lax.rem, [int32, int32]),
  binary('pow', lax.pow, [float(0.2, 3), float(-2, 2)], smooth([0, 1])),
  binary('max', lax.max, [wide, float(-1, 1, 0.1)], smooth([0, 1], { prepare: apart })),
  binary('min', lax.min, [wide, float(-1, 1, 0.1)], smooth([0, 1], { prepare: apart })),
  binary('atan2', lax.atan2, [wide, float(0.5, 3, 0.5)], smooth([0, 1])),
  binary('and', lax.and, [int32, int32]),
  binary('and (bool)', lax.and, [bool, bool]),
  binary('or', lax.or, [uint32, uint32]),
  binary('xor', lax.xor, [bool, bool]),
  binary('shiftLeft', lax.shiftLeft, [int32, shiftAmount]),
  binary('shiftRightLogical', lax.shiftRightLogical, [int32, shiftAmount]),
  binary('shiftRightArithmetic', lax.shiftRightArithmetic, [int32, shiftAmount]),
  binary('eq', lax.eq, [float(-2, 2), float(-2, 2)]),
  binary('ne', lax.ne, [int32, int32]),
  binary('lt', lax.lt, [wide, wide]),
  binary('le', lax.le, [wide, wide]),
  binary('gt', lax.gt, [uint32, uint32]),
  binary('ge', lax.ge, [wide, wide]),

  { name: 'select', f: lax.select, kinds: [bool, wide, wide], smooth: smooth([1, 2]) },
  { name: 'select (int32)', f: lax.select, kinds: [bool, int32, int32] },
  // lax.cast skips a cast to the operand's own dtype, so float32 -> float32 binds the primitive.
  {
    name: 'cast float32 -> float32',
    f: (x) => ax.bind1(lax.castP, [x], { dtype: 'float32' as const }),
    kinds: [wide],
    smooth: smooth([0]),
  },
  { name: 'cast float32 -> int32', f: (x) => lax.cast(x, 'int32'), kinds: [float(-100, 100)] },
  { name: 'cast int32 -> float32', f: (x) => lax.cast(x, 'float32'), kinds: [int32] },
  { name: 'cast float32 -> bool', f: (x) => lax.cast(x, 'bool'), kinds: [wide] },
  { name: 'bitcast float32 -> uint32', f: (x) => lax.bitcast(x, 'uint32'), kinds: [wide] },
  { name: 'bitcast int32 -> float32', f: (x) => lax.bitcast(x, 'float32'), kinds: [int32] },
  {
    name: 'threefry2x32 (word 0)',
    f: (...ws) => lax.threefry2x32(ws[0]!, ws[1]!, ws[2]!, ws[3]!)[0],
    kinds: [uint32, uint32, uint32, uint32],
  },
  {
    name: 'threefry2x32 (word 1)',
    f: (...ws) => lax.threefry2x32(ws[0]!, ws[1]!, ws[2]!, ws[3]!)[1],
    kinds: [uint32, uint32, uint32, uint32],
  },
];
