import type { PrimitiveName } from '@addax/core';

/**
 * Elementwise primitives on float32 and bool as GLSL expressions of their operands' names, with
 * `nan` and `inf` in scope. Written to keep IEEE's corner cases: NaN propagates through `max` and
 * `min`, `+0` outranks `-0`, and GLSL's undefined inputs (`log` of a negative, `sqrt` of -0) are
 * answered explicitly.
 */
export type ElementwiseOp = (args: readonly string[]) => string;

const isNan = (x: string): string => `(${x} != ${x})`;

function maxOf([a, b]: readonly string[], pick: '>' | '<'): string {
  // Equal operands differ only as zeros, where max takes +0 (1/x > 0) and min takes -0.
  const zero = pick === '>' ? `(1.0 / ${a!} > 0.0 ? ${a!} : ${b!})` : `(1.0 / ${a!} < 0.0 ? ${a!} : ${b!})`;
  return `(${isNan(a!)} || ${isNan(b!)} ? nan : (${a!} ${pick} ${b!} ? ${a!} : (${b!} ${pick} ${a!} ? ${b!} : ${zero})))`;
}

const bool = (cond: string): string => `(${cond} ? 1.0 : 0.0)`;

/** The GLSL of each elementwise primitive this backend runs on the device. */
export const FLOAT_OPS: Partial<Record<PrimitiveName, ElementwiseOp>> = {
  neg: ([a]) => `(-${a!})`,
  abs: ([a]) => `abs(${a!})`,
  sign: ([a]) => `(${a!} > 0.0 ? 1.0 : (${a!} < 0.0 ? -1.0 : ${a!}))`,
  exp: ([a]) => `ax_exp(${a!}, nan, inf)`,
  log: ([a]) => `ax_log(${a!}, nan, inf)`,
  expm1: ([a]) => `ax_expm1(${a!}, nan, inf)`,
  log1p: ([a]) => `ax_log1p(${a!}, nan, inf)`,
  tanh: ([a]) => `ax_tanh(${a!}, nan, inf)`,
  logistic: ([a]) => `ax_logistic(${a!}, nan, inf)`,
  sin: ([a]) => `ax_sin(${a!}, nan, inf)`,
  reciprocal: ([a]) => `(1.0 / ${a!})`,
  isFinite: ([a]) => bool(`abs(${a!}) < inf`),
  sqrt: ([a]) => `(${isNan(a!)} || ${a!} < 0.0 ? nan : (${a!} == 0.0 || ${a!} == inf ? ${a!} : sqrt(${a!})))`,
  floor: ([a]) => `floor(${a!})`,
  ceil: ([a]) => `ceil(${a!})`,
  add: ([a, b]) => `(${a!} + ${b!})`,
  sub: ([a, b]) => `(${a!} - ${b!})`,
  mul: ([a, b]) => `(${a!} * ${b!})`,
  div: ([a, b]) => `(${a!} / ${b!})`,
  rem: ([a, b]) => `ax_rem(${a!}, ${b!}, nan, inf)`,
  atan2: ([a, b]) => `ax_atan2(${a!}, ${b!}, nan, inf)`,
  pow: ([a, b]) => `ax_pow(${a!}, ${b!}, nan, inf)`,
  max: (args) => maxOf(args, '>'),
  min: (args) => maxOf(args, '<'),
  lt: ([a, b]) => bool(`${a!} < ${b!}`),
  le: ([a, b]) => bool(`${a!} <= ${b!}`),
  gt: ([a, b]) => bool(`${a!} > ${b!}`),
  ge: ([a, b]) => bool(`${a!} >= ${b!}`),
  eq: ([a, b]) => bool(`${a!} == ${b!}`),
  ne: ([a, b]) => bool(`${a!} != ${b!}`),
  select: ([p, t, f]) => `(${p!} > 0.5 ? ${t!} : ${f!})`,
  stopGradient: ([a]) => a!,
};

/** Elementwise primitives on bool (0 and 1). */
export const BOOL_OPS: Partial<Record<PrimitiveName, ElementwiseOp>> = {
  and: ([a, b]) => `(${a!} * ${b!})`,
  or: ([a, b]) => `max(${a!}, ${b!})`,
  xor: ([a, b]) => `abs(${a!} - ${b!})`,
  not: ([a]) => `(1.0 - ${a!})`,
  eq: ([a, b]) => bool(`${a!} == ${b!}`),
  ne: ([a, b]) => bool(`${a!} != ${b!}`),
  lt: ([a, b]) => bool(`${a!} < ${b!}`),
  le: ([a, b]) => bool(`${a!} <= ${b!}`),
  gt: ([a, b]) => bool(`${a!} > ${b!}`),
  ge: ([a, b]) => bool(`${a!} >= ${b!}`),
  max: ([a, b]) => `max(${a!}, ${b!})`,
  min: ([a, b]) => `min(${a!}, ${b!})`,
  select: ([p, t, f]) => `(${p!} > 0.5 ? ${t!} : ${f!})`,
  stopGradient: ([a]) => a!,
};
