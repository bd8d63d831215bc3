// The family's primitives live in files of their own under ./linalg; callers import them from here.
export { conv, convP, type ConvOptions } from './linalg/conv.js';
export { dotGeneral, dotGeneralP } from './linalg/dot-general.js';
export {
  reduceWindowMax,
  reduceWindowMaxP,
  reduceWindowSum,
  reduceWindowSumP,
  type ReduceWindowOptions,
} from './linalg/reduce-window.js';
