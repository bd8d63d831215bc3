/** The reductions over a list of axes, which share their params (`AxesParams`). */
export type AxesReductionName =
  'reduceSum' | 'reduceMax' | 'reduceMin' | 'reduceProd' | 'reduceAnd' | 'reduceOr';

/** The reduction family: reductions over axes, the arg-reductions, the running sum and sort. */
export type ReductionName = AxesReductionName | 'argmax' | 'argmin' | 'cumsum' | 'sort';
