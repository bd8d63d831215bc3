/**
 * GLSL ES 1.00 source shared by Addax's GL backends (`@addax/backend-webgl`, `@addax/backend-gpujs`):
 * functions as strings, each with its prototype first and the helpers it calls inside it, so a
 * backend pastes it into a shader (or hands it to gpu.js as a native function) as it is; and the
 * host side of the data they read: uint32 words packed into 16-bit halves and back.
 *
 * Functions that produce NaN or infinity take them as the last two parameters, `nan` and `inf`:
 * GLSL ES 1.00 has no literal for either, and each backend has its own way of making them.
 *
 * @packageDocumentation
 */
export { fromHalfWords, rowLength, toHalfWords } from './half-words.js';
export { lit } from './literal.js';
export { SORT_COMPARE } from './sort.js';
export { THREEFRY } from './threefry.js';
export { REM } from './rem.js';
export { ATAN2 } from './atan2.js';
export { POW } from './pow.js';
export { SIN } from './sin.js';
export { EXP, LOG, EXPM1, LOG1P, TANH, LOGISTIC } from './exp-log.js';
export { functionsFor } from './functions-for.js';
