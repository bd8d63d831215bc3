import type { DType, Equation, PrimitiveName } from '@addax/core';
import { ATAN2, POW, REM, SIN } from '@addax/glsl';

/**
 * GLSL for one elementwise primitive on float operands (bool as 0.0/1.0): the argument
 * expressions in, an expression out. Shared by the one-op kernels and jit's fused shaders, so a
 * fused chain computes exactly what the same ops computed one at a time.
 *
 * GLSL leaves NaN, signed zero and domain errors to the implementation, so each is spelled out
 * here where the primitive defines it (NaN propagates through `max`, `max` ranks +0 above -0,
 * comparisons with NaN are false, `log` of a negative is NaN).
 */
type Glsl = (...args: string[]) => string;

const cmp =
  (op: string): Glsl =>
  (a, b) =>
    `((isnan(${a}) || isnan(${b})) ? 0.0 : ((${a} ${op} ${b}) ? 1.0 : 0.0))`;

/** Primitives on float32 operands (bool ones too, as 0.0/1.0, where core allows them). */
const FLOAT_OPS: Readonly<Record<string, Glsl>> = {
  add: (a, b) => `(${a} + ${b})`,
  sub: (a, b) => `(${a} - ${b})`,
  mul: (a, b) => `(${a} * ${b})`,
  div: (a, b) => `(${a} / ${b})`,
  rem: (a, b) => `ax_rem(${a}, ${b}, NAN, INFINITY)`,
  atan2: (a, b) => `ax_atan2(${a}, ${b}, NAN, INFINITY)`,
  pow: (a, b) => `ax_pow(${a}, ${b}, NAN, INFINITY)`,
  max: (a, b) => `ax_max(${a}, ${b})`,
  min: (a, b) => `ax_min(${a}, ${b})`,
  neg: (a) => `(-${a})`,
  abs: (a) => `abs(${a})`,
  sign: (a) => `((isnan(${a}) || ${a} == 0.0) ? ${a} : (${a} > 0.0 ? 1.0 : -1.0))`,
  reciprocal: (a) => `(1.0 / ${a})`,
  sqrt: (a) => `ax_sqrt(${a})`,
  floor: (a) => `floor(${a})`,
  ceil: (a) => `ceil(${a})`,
  exp: (a) => `ax_exp(${a})`,
  log: (a) => `ax_log(${a})`,
  expm1: (a) => `ax_expm1(${a})`,
  log1p: (a) => `ax_log1p(${a})`,
  tanh: (a) => `ax_tanh(${a})`,
  logistic: (a) => `ax_logistic(${a})`,
  sin: (a) => `ax_sin(${a}, NAN, INFINITY)`,
  isFinite: (a) => `((isnan(${a}) || abs(${a}) == INFINITY) ? 0.0 : 1.0)`,
  eq: cmp('=='),
  ne: (a, b) => `(1.0 - ${cmp('==')(a, b)})`,
  lt: cmp('<'),
  le: cmp('<='),
  gt: cmp('>'),
  ge: cmp('>='),
  select: (p, t, f) => `((${p} != 0.0) ? ${t} : ${f})`,
  stopGradient: (a) => a,
};

/** Logic on bool operands (0.0 / 1.0). */
const BOOL_OPS: Readonly<Record<string, Glsl>> = {
  and: (a, b) => `((${a} != 0.0 && ${b} != 0.0) ? 1.0 : 0.0)`,
  or: (a, b) => `((${a} != 0.0 || ${b} != 0.0) ? 1.0 : 0.0)`,
  xor: (a, b) => `(((${a} != 0.0) != (${b} != 0.0)) ? 1.0 : 0.0)`,
  not: (a) => `((${a} != 0.0) ? 0.0 : 1.0)`,
};

/** A float32 value as a GLSL float expression (NaN and the infinities included). */
export function floatLiteral(v: number): string {
  if (Number.isNaN(v)) return 'NAN';
  if (!Number.isFinite(v)) return v > 0 ? 'INFINITY' : '-INFINITY';
  const f = Math.fround(v);
  return Object.is(f, -0) ? '-0.0' : f.toExponential(9);
}

/** Helpers the expressions call, defined once per shader. */
export const GLSL_HELPERS = `
// tfjs's prelude has an INFINITY uniform in WebGL1 only.
#if __VERSION__ >= 300
#define INFINITY uintBitsToFloat(0x7f800000u)
#endif
float ax_max(float a, float b) {
  if (isnan(a) || isnan(b)) return NAN;
  if (a == b) return (1.0 / a > 0.0) ? a : b;
  return a > b ? a : b;
}
float ax_min(float a, float b) {
  if (isnan(a) || isnan(b)) return NAN;
  if (a == b) return (1.0 / a < 0.0) ? a : b;
  return a < b ? a : b;
}
float ax_sqrt(float a) {
  if (isnan(a) || a < 0.0) return NAN;
  if (a == 0.0 || a == INFINITY) return a;
  return sqrt(a);
}
// Cephes' expf: x = n ln2 + r with ln2 split in two (Cody-Waite), a degree-6 polynomial for e^r,
// then 2^n in two halves so that neither factor overflows early. GLSL's own exp is 3 ulp off on
// llvmpipe; this stays within 2.
float ax_exp(float a) {
  if (isnan(a)) return a;
  if (a > 88.72284) return INFINITY;
  if (a < -103.97208) return 0.0;
  float n = floor(a * 1.44269504088896341 + 0.5);
  float r = a - n * 0.693359375;
  r = r - n * -2.12194440e-4;
  float z = r * r;
  float p = 1.9875691500E-4;
  p = p * r + 1.3981999507E-3;
  p = p * r + 8.3334519073E-3;
  p = p * r + 4.1665795894E-2;
  p = p * r + 1.6666665459E-1;
  p = p * r + 5.0000001201E-1;
  float y = p * z + r + 1.0;
  float h = floor(n * 0.5);
  return y * exp2(h) * exp2(n - h);
}
// log(1 + x) + e ln2 for x in [sqrt(1/2) - 1, sqrt(2) - 1]: Cephes' polynomial, ln2 split in two.
float ax_log_near_1(float x, float e) {
  float z = x * x;
  float y = 7.0376836292E-2;
  y = y * x - 1.1514610310E-1;
  y = y * x + 1.1676998740E-1;
  y = y * x - 1.2420140846E-1;
  y = y * x + 1.4249322787E-1;
  y = y * x - 1.6668057665E-1;
  y = y * x + 2.0000714765E-1;
  y = y * x - 2.4999993993E-1;
  y = y * x + 3.3333331174E-1;
  y = y * x * z;
  y = y + -2.12194440e-4 * e;
  y = y + -0.5 * z;
  return x + y + 0.693359375 * e;
}
// Cephes' logf: a = m 2^e with m in [sqrt(1/2), sqrt(2)), a degree-9 polynomial in m - 1, ln2
// split in two. GLSL's log has only absolute accuracy near 1, which log1p's and expm1's
// decompositions (Kahan's trick) need relative.
float ax_log(float a) {
  if (isnan(a) || a < 0.0) return NAN;
  if (a == 0.0) return -INFINITY;
  if (a == INFINITY) return a;
  float e = floor(log2(a));
  float h = floor(e * 0.5);
  float m = a * exp2(-h) * exp2(h - e);
  // m in [1, 2) up to log2's rounding; then as frexp: a = m 2^e with m in [0.5, 1).
  m = m * 0.5;
  e = e + 1.0;
  if (m >= 1.0) { m = m * 0.5; e = e + 1.0; }
  if (m < 0.5) { m = m * 2.0; e = e - 1.0; }
  float x;
  if (m < 0.707106781186547524) { e = e - 1.0; x = m + m - 1.0; } else { x = m - 1.0; }
  return ax_log_near_1(x, e);
}
// expm1, tanh and logistic as core's decompositions compute them (Kahan's trick over the exp and
// log above), in one shader instead of several.
float ax_expm1(float a) {
  float u = ax_exp(a);
  if (u == 1.0) return a;
  if (u == INFINITY) return u;
  float um1 = u - 1.0;
  if (um1 == -1.0) return -1.0;
  return um1 * (a / ax_log(u));
}
// Near 0 the polynomial takes a itself: Kahan's (1 + a) - 1 is what a fast-math shader compiler
// (llvmpipe's) folds back to a, losing the correction.
float ax_log1p(float a) {
  if (a >= -0.2928932188134524 && a <= 0.41421356237309503) return ax_log_near_1(a, 0.0);
  return ax_log(1.0 + a);
}
float ax_tanh(float a) {
  if (isnan(a)) return a;
  float t = ax_expm1(abs(a) * -2.0);
  float r = -t / (t + 2.0);
  return (a < 0.0 || (a == 0.0 && 1.0 / a < 0.0)) ? -r : r;
}
float ax_logistic(float a) {
  if (isnan(a)) return a;
  float e = ax_exp(-abs(a));
  float d = 1.0 + e;
  return a < 0.0 ? e / d : 1.0 / d;
}
`;

/**
 * The functions from `@addax/glsl` an op's expression calls, by primitive: long ones, pasted only
 * into the shaders that use them (compiling is what costs most on software GL).
 */
const OP_FUNCTIONS: Partial<Record<PrimitiveName, readonly string[]>> = {
  rem: [REM],
  atan2: [ATAN2],
  pow: [POW],
  sin: [SIN],
};

/** The helpers a shader computing the primitives `names` needs: {@link GLSL_HELPERS} and theirs. */
export function helpersFor(names: Iterable<string>): string {
  const extra = new Set([...names].flatMap((n) => OP_FUNCTIONS[n as PrimitiveName] ?? []));
  return [GLSL_HELPERS, ...extra].join('\n');
}

/** Whether a dtype is held in textures as floats. */
function gpuDtype(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'bool';
}

/**
 * The GLSL of an elementwise primitive applied to `args`, or undefined where it has none (integer
 * operands, which live on the host, and the primitives left to the CPU fallback or decomposition).
 */
export function glslOf(
  name: string,
  inDtypes: readonly DType[],
  outDtype: DType,
  params: unknown,
): Glsl | undefined {
  if (!inDtypes.every(gpuDtype) || !gpuDtype(outDtype)) return undefined;
  if (name === 'cast') {
    const from = inDtypes[0]!;
    const to = (params as { dtype: DType }).dtype;
    if (from === to || from === 'bool') return (a) => a;
    return (a) => `((isnan(${a}) || ${a} != 0.0) ? 1.0 : 0.0)`;
  }
  const logic = BOOL_OPS[name];
  if (logic) return inDtypes.every((d) => d === 'bool') ? logic : undefined;
  return FLOAT_OPS[name];
}

/** As {@link glslOf}, for a jitted program's equation. */
export function glslOfEquation(eqn: Equation): Glsl | undefined {
  return glslOf(
    eqn.primitive.name,
    eqn.inputs.map((v) => v.aval.dtype),
    eqn.outputs[0]!.aval.dtype,
    eqn.params,
  );
}

/** Every primitive that may have GLSL, for the kernel table. */
export const GLSL_PRIMITIVES: readonly string[] = [
  ...Object.keys(FLOAT_OPS),
  ...Object.keys(BOOL_OPS),
  'cast',
];
