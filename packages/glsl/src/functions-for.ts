import { ATAN2 } from './atan2.js';
import { EXP, EXPM1, LOG, LOG1P, LOGISTIC, TANH } from './exp-log.js';
import { POW } from './pow.js';
import { REM } from './rem.js';
import { SIN } from './sin.js';

/**
 * The functions here that each Addax elementwise primitive's GLSL calls (`ax_exp` for `exp`, ...),
 * each listed after those it calls.
 */
const PRIMITIVE_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  exp: [EXP],
  log: [LOG],
  expm1: [EXP, LOG, EXPM1],
  log1p: [LOG, LOG1P],
  tanh: [EXP, TANH],
  logistic: [EXP, LOGISTIC],
  rem: [REM],
  atan2: [ATAN2],
  pow: [POW],
  sin: [SIN],
};

/**
 * The function sources a shader computing the primitives `names` needs, each once and after those
 * it calls: what a backend pastes before its `main` (or hands gpu.js as native functions).
 *
 * @example
 * ```ts
 * functionsFor(['tanh', 'exp', 'add']); // [EXP, TANH]
 * ```
 */
export function functionsFor(names: Iterable<string>): string[] {
  return [...new Set([...names].flatMap((n) => PRIMITIVE_FUNCTIONS[n] ?? []))];
}
