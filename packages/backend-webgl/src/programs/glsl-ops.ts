import type { DType, Equation } from '@addax/core';
import { functionsFor } from '@addax/glsl';

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
  exp: (a) => `ax_exp(${a}, NAN, INFINITY)`,
  log: (a) => `ax_log(${a}, NAN, INFINITY)`,
  expm1: (a) => `ax_expm1(${a}, NAN, INFINITY)`,
  log1p: (a) => `ax_log1p(${a}, NAN, INFINITY)`,
  tanh: (a) => `ax_tanh(${a}, NAN, INFINITY)`,
  logistic: (a) => `ax_logistic(${a}, NAN, INFINITY)`,
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
`;

/**
 * The helpers a shader computing the primitives `names` needs: {@link GLSL_HELPERS}, and the long
 * functions from `@addax/glsl` only where they are called (compiling is what costs most on software GL).
 */
export function helpersFor(names: Iterable<string>): string {
  return [GLSL_HELPERS, ...functionsFor(names)].join('\n');
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
