import type { DType, DTypeParams, Equation } from '@addax/core';

/**
 * An expression over its operands (identifiers of already stored values), written with the same
 * formula as the primitive's kernel, so a fused loop computes what the kernels compute.
 */
export type Expr = (...operands: string[]) => string;

type ByDType = Partial<Record<DType, Expr>>;

const every = (e: Expr): ByDType => ({ float32: e, int32: e, uint32: e, bool: e });
const float = (e: Expr): ByDType => ({ float32: e });
const math = (fn: string): ByDType => float((a) => `Math.${fn}(${a})`);
const compare = (op: string): ByDType => every((a, b) => `(${a} ${op} ${b} ? 1 : 0)`);
const bitwise = (op: string): ByDType => {
  const e: Expr = (a, b) => `${a} ${op} ${b}`;
  return { bool: e, int32: e, uint32: (a, b) => `(${a} ${op} ${b}) >>> 0` };
};
const inRange = (s: string): string => `(${s} >= 0 && ${s} < 32)`;

/**
 * The kernels' formulas (`kernels/*.ts`) by primitive and operand dtype. Left out, so never fused:
 * `round` (its kernel's helper is a function of its own) and integer `pow` (a loop).
 */
const ELEMENTWISE: Readonly<Record<string, ByDType>> = {
  neg: { float32: (a) => `-${a}`, int32: (a) => `-${a} | 0`, uint32: (a) => `-${a} >>> 0` },
  abs: { float32: (a) => `Math.abs(${a})`, int32: (a) => `Math.abs(${a}) | 0`, uint32: (a) => a },
  sign: every((a) => `(${a} > 0 ? 1 : ${a} < 0 ? -1 : ${a})`),
  exp: math('exp'),
  exp2: float((a) => `2 ** ${a}`),
  log: math('log'),
  log1p: math('log1p'),
  expm1: math('expm1'),
  sin: math('sin'),
  cos: math('cos'),
  tan: math('tan'),
  tanh: math('tanh'),
  logistic: float((a) => `1 / (1 + Math.exp(-${a}))`),
  sqrt: math('sqrt'),
  rsqrt: float((a) => `1 / Math.sqrt(${a})`),
  reciprocal: float((a) => `1 / ${a}`),
  floor: math('floor'),
  ceil: math('ceil'),
  isFinite: float((a) => `(Number.isFinite(${a}) ? 1 : 0)`),
  erf: float((a) => `erf(${a})`),
  erfInv: float((a) => `erfInv(${a})`),
  not: { bool: (a) => `1 - ${a}`, int32: (a) => `~${a}`, uint32: (a) => `~${a} >>> 0` },

  add: {
    float32: (a, b) => `${a} + ${b}`,
    int32: (a, b) => `(${a} + ${b}) | 0`,
    uint32: (a, b) => `(${a} + ${b}) >>> 0`,
  },
  sub: {
    float32: (a, b) => `${a} - ${b}`,
    int32: (a, b) => `(${a} - ${b}) | 0`,
    uint32: (a, b) => `(${a} - ${b}) >>> 0`,
  },
  mul: {
    float32: (a, b) => `${a} * ${b}`,
    int32: (a, b) => `Math.imul(${a}, ${b})`,
    uint32: (a, b) => `Math.imul(${a}, ${b}) >>> 0`,
  },
  div: {
    float32: (a, b) => `${a} / ${b}`,
    int32: (a, b) => `(${b} === 0 ? -1 : Math.trunc(${a} / ${b}) | 0)`,
    uint32: (a, b) => `(${b} === 0 ? 0xffffffff : Math.trunc(${a} / ${b}))`,
  },
  rem: {
    float32: (a, b) => `${a} % ${b}`,
    int32: (a, b) => `(${b} === 0 ? ${a} : ${a} % ${b})`,
    uint32: (a, b) => `(${b} === 0 ? ${a} : ${a} % ${b})`,
  },
  // C's pow, as the kernel's cPow.
  pow: float(
    (a, b) =>
      `(${a} === 1 || (${a} === -1 && (${b} === Infinity || ${b} === -Infinity)) ? 1 : Math.pow(${a}, ${b}))`,
  ),
  max: {
    float32: (a, b) => `Math.max(${a}, ${b})`,
    int32: (a, b) => `Math.max(${a}, ${b})`,
    uint32: (a, b) => `Math.max(${a}, ${b})`,
  },
  min: {
    float32: (a, b) => `Math.min(${a}, ${b})`,
    int32: (a, b) => `Math.min(${a}, ${b})`,
    uint32: (a, b) => `Math.min(${a}, ${b})`,
  },
  atan2: float((a, b) => `Math.atan2(${a}, ${b})`),
  and: bitwise('&'),
  or: bitwise('|'),
  xor: bitwise('^'),
  shiftLeft: {
    int32: (a, s) => `(${inRange(s)} ? ${a} << ${s} : 0)`,
    uint32: (a, s) => `(${inRange(s)} ? (${a} << ${s}) >>> 0 : 0)`,
  },
  shiftRightLogical: {
    int32: (a, s) => `(${inRange(s)} ? (${a} >>> ${s}) | 0 : 0)`,
    uint32: (a, s) => `(${inRange(s)} ? ${a} >>> ${s} : 0)`,
  },
  shiftRightArithmetic: {
    int32: (a, s) => `(${inRange(s)} ? ${a} >> ${s} : ${a} < 0 ? -1 : 0)`,
    uint32: (a, s) => `(${inRange(s)} ? (${a} | 0) >> ${s} : (${a} | 0) < 0 ? -1 : 0) >>> 0`,
  },
  eq: compare('==='),
  ne: compare('!=='),
  lt: compare('<'),
  le: compare('<='),
  gt: compare('>'),
  ge: compare('>='),
  select: every((p, t, f) => `(${p} ? ${t} : ${f})`),
  stopGradient: every((a) => a),
};

/** The kernel's `saturate`: truncates toward zero into `[lo, hi]`, NaN to 0. */
const saturate =
  (lo: number, hi: number): Expr =>
  (v) =>
    `(Number.isNaN(${v}) ? 0 : Math.min(Math.max(Math.trunc(${v}), ${lo}), ${hi}))`;

/** The cast kernel's `converter(from, to)`. */
function castExpr(from: DType, to: DType): Expr {
  if (to === 'bool') return (v) => `(${v} !== 0 ? 1 : 0)`;
  if (to === 'float32' || from === 'bool') return (v) => v;
  if (from === 'float32') return to === 'int32' ? saturate(-2147483648, 2147483647) : saturate(0, 4294967295);
  return to === 'int32' ? (v) => `${v} | 0` : (v) => `${v} >>> 0`;
}

const INTEGER_BITS: ReadonlySet<DType> = new Set(['int32', 'uint32']);

/**
 * Bitcast between int32 and uint32 is a value conversion; one involving float32 is left out: a
 * NaN read into a JS number may not keep its bits, while the kernel copies bytes.
 */
function bitcastExpr(from: DType, to: DType): Expr | undefined {
  if (!INTEGER_BITS.has(from) || !INTEGER_BITS.has(to)) return undefined;
  return castExpr(from, to);
}

/** The expression `eqn` computes per element, or undefined if no template matches it. */
export function expressionOf(eqn: Equation): Expr | undefined {
  const from = eqn.inputs[0]?.aval.dtype;
  if (from === undefined) return undefined;
  const name = eqn.primitive.name;
  if (name === 'cast') return castExpr(from, (eqn.params as DTypeParams).dtype);
  if (name === 'bitcast') return bitcastExpr(from, (eqn.params as DTypeParams).dtype);
  return ELEMENTWISE[name]?.[from];
}

/**
 * What storing into `dtype`'s TypedArray does to a JS number (a Float32Array rounds, an Int32Array
 * wraps, ...): the fused loop applies it to every value it keeps in a local, as the kernels'
 * stores do to every value they write.
 */
export function stored(dtype: DType, e: string): string {
  switch (dtype) {
    case 'float32':
      return `Math.fround(${e})`;
    case 'int32':
      return `(${e}) | 0`;
    case 'uint32':
      return `(${e}) >>> 0`;
    case 'bool':
      return `(${e}) & 255`;
  }
}
