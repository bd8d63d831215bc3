import type { DType } from '../dtype.js';

/**
 * The keyword parameters of every built-in primitive, by primitive name. Kernel tables and rule
 * tables are typed against this map, so a backend that forgets a minimal kernel, or passes the
 * wrong parameters to one, does not compile. Packages that define primitives of their own extend it
 * by declaration merging (`declare module '@addax/core' { interface PrimitiveParams { ... } }`).
 *
 * Conventions follow XLA and `jax.lax`: axes are non-negative once the params rule has run, and
 * every operand of an elementwise primitive has the same shape and dtype (the numpy-style API
 * broadcasts and promotes before it binds).
 */
export interface PrimitiveParams {
  // Elementwise unary. Float-only unless noted; `neg`, `abs`, `sign` take every numeric dtype.
  neg: NoParams;
  abs: NoParams;
  sign: NoParams;
  exp: NoParams;
  exp2: NoParams;
  log: NoParams;
  log1p: NoParams;
  expm1: NoParams;
  sin: NoParams;
  cos: NoParams;
  tan: NoParams;
  tanh: NoParams;
  logistic: NoParams;
  sqrt: NoParams;
  rsqrt: NoParams;
  reciprocal: NoParams;
  floor: NoParams;
  ceil: NoParams;
  round: RoundParams;
  isFinite: NoParams;
  erf: NoParams;
  erfInv: NoParams;
  /** Logical not on bool, bitwise not on integers. */
  not: NoParams;

  // Elementwise binary. Integer `div` truncates toward zero and `rem` takes the dividend's sign (C
  // semantics); an integer divided by zero gives -1 (all bits set) and its remainder is the dividend,
  // as in XLA.
  add: NoParams;
  sub: NoParams;
  mul: NoParams;
  div: NoParams;
  rem: NoParams;
  pow: NoParams;
  max: NoParams;
  min: NoParams;
  atan2: NoParams;
  and: NoParams;
  or: NoParams;
  xor: NoParams;
  /** Shifts by an amount outside `[0, 32)` give 0 (left, logical) or the sign fill (arithmetic). */
  shiftLeft: NoParams;
  shiftRightLogical: NoParams;
  shiftRightArithmetic: NoParams;
  eq: NoParams;
  ne: NoParams;
  lt: NoParams;
  le: NoParams;
  gt: NoParams;
  ge: NoParams;

  /** `select(pred, onTrue, onFalse)`: bool `pred` of the operands' shape. */
  select: NoParams;
  /** Value conversion: float to int truncates, saturates, and maps NaN to 0; to bool is `!= 0`. */
  cast: DTypeParams;
  /** Reinterprets the 32 bits of each element as another 32-bit dtype. */
  bitcast: DTypeParams;

  // Reductions over `axes`, which are removed from the shape (keepdims is the API's business).
  reduceSum: AxesParams;
  reduceMax: AxesParams;
  reduceMin: AxesParams;
  reduceProd: AxesParams;
  reduceAnd: AxesParams;
  reduceOr: AxesParams;
  /** The first index of the maximum along `axis`; NaN counts as the maximum, as in numpy. */
  argmax: ArgReduceParams;
  argmin: ArgReduceParams;
  cumsum: CumulativeParams;
  /**
   * Stable sort of one or more same-shaped operands along `dimension`, ordered by the first
   * `numKeys` operands lexicographically; NaN sorts last. `argsort` is `sort([x, iota])`.
   */
  sort: SortParams;

  // Shape.
  reshape: ReshapeParams;
  broadcastInDim: BroadcastInDimParams;
  transpose: TransposeParams;
  slice: SliceParams;
  /** `pad(operand, paddingValue)`; negative low/high crop. */
  pad: PadParams;
  concatenate: ConcatenateParams;
  rev: RevParams;
  /** XLA's general gather: `gather(operand, startIndices)`. */
  gather: GatherParams;
  /** `dynamicSlice(operand, ...startIndices)`: one int32 scalar per axis, clamped into range. */
  dynamicSlice: DynamicSliceParams;
  /** `dynamicUpdateSlice(operand, update, ...startIndices)`, starts clamped as in dynamicSlice. */
  dynamicUpdateSlice: NoParams;
  /** XLA's scatter with addition: `scatterAdd(operand, scatterIndices, updates)`. */
  scatterAdd: ScatterParams;
  iota: IotaParams;

  // Contractions and windows.
  dotGeneral: DotGeneralParams;
  conv: ConvParams;
  reduceWindowSum: ReduceWindowParams;
  reduceWindowMax: ReduceWindowParams;

  /** `threefry2x32(k0, k1, x0, x1)` on uint32, all of one shape: two uint32 outputs. */
  threefry2x32: NoParams;
  /** The identity whose derivative is zero. */
  stopGradient: NoParams;
}

/** Name of a built-in primitive. */
export type PrimitiveName = keyof PrimitiveParams;

/** The elementwise unary primitives (`neg` ... `not`), for kernel and rule tables of that group. */
export type UnaryPrimitiveName =
  | 'neg'
  | 'abs'
  | 'sign'
  | 'exp'
  | 'exp2'
  | 'log'
  | 'log1p'
  | 'expm1'
  | 'sin'
  | 'cos'
  | 'tan'
  | 'tanh'
  | 'logistic'
  | 'sqrt'
  | 'rsqrt'
  | 'reciprocal'
  | 'floor'
  | 'ceil'
  | 'round'
  | 'isFinite'
  | 'erf'
  | 'erfInv'
  | 'not';

/**
 * The elementwise primitives: every operand and output of one shape (`select` and `threefry2x32`
 * included), so their kernels and batch rules share one form.
 */
export type ElementwisePrimitiveName =
  | UnaryPrimitiveName
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'rem'
  | 'pow'
  | 'max'
  | 'min'
  | 'atan2'
  | 'and'
  | 'or'
  | 'xor'
  | 'shiftLeft'
  | 'shiftRightLogical'
  | 'shiftRightArithmetic'
  | 'eq'
  | 'ne'
  | 'lt'
  | 'le'
  | 'gt'
  | 'ge'
  | 'select'
  | 'cast'
  | 'bitcast'
  | 'threefry2x32'
  | 'stopGradient';

/** The params of a primitive that takes none. */
export type NoParams = Readonly<Record<string, never>>;

export interface RoundParams {
  /** `halfToEven` (numpy, `jnp.round`) or `halfAwayFromZero` (C `round`, `lax.round`'s default). */
  readonly method: 'halfToEven' | 'halfAwayFromZero';
}

export interface DTypeParams {
  readonly dtype: DType;
}

export interface AxesParams {
  readonly axes: readonly number[];
}

export interface ArgReduceParams {
  readonly axis: number;
  readonly indexDtype: 'int32';
}

export interface CumulativeParams {
  readonly axis: number;
  readonly reverse: boolean;
}

export interface SortParams {
  readonly dimension: number;
  readonly numKeys: number;
}

export interface ReshapeParams {
  readonly newSizes: readonly number[];
}

export interface BroadcastInDimParams {
  /** The output shape. */
  readonly shape: readonly number[];
  /** For each operand axis, the output axis it maps to (strictly increasing). */
  readonly broadcastDimensions: readonly number[];
}

export interface TransposeParams {
  readonly permutation: readonly number[];
}

export interface SliceParams {
  readonly startIndices: readonly number[];
  readonly limitIndices: readonly number[];
  /** Positive steps, one per axis. */
  readonly strides: readonly number[];
}

export interface PadParams {
  /** Per axis: `[low, high, interior]`; interior is non-negative. */
  readonly config: readonly (readonly [number, number, number])[];
}

export interface ConcatenateParams {
  readonly dimension: number;
}

export interface RevParams {
  readonly dimensions: readonly number[];
}

/** How out-of-bounds indices are handled by gather and scatter. */
export type GatherMode = 'clip' | 'fill';

export interface GatherParams {
  /** The output axes that hold the slice's (non-collapsed) axes. */
  readonly offsetDims: readonly number[];
  /** Operand axes sliced with size 1 and dropped from the output. */
  readonly collapsedSliceDims: readonly number[];
  /** For each entry of an index vector, the operand axis it starts. */
  readonly startIndexMap: readonly number[];
  /** The size of the slice taken along each operand axis. */
  readonly sliceSizes: readonly number[];
  /** `clip` clamps starts into range (XLA); `fill` yields `fillValue` for out-of-range slices. */
  readonly mode: GatherMode;
  readonly fillValue: number;
}

export interface DynamicSliceParams {
  readonly sliceSizes: readonly number[];
}

export interface ScatterParams {
  /** The update axes that are window axes. */
  readonly updateWindowDims: readonly number[];
  /** Operand axes that updates do not span (window size 1). */
  readonly insertedWindowDims: readonly number[];
  /** For each entry of an index vector, the operand axis it addresses. */
  readonly scatterDimsToOperandDims: readonly number[];
  /** `clip` clamps indices into range; `fill` drops out-of-range updates (JAX's `FILL_OR_DROP`). */
  readonly mode: GatherMode;
}

export interface IotaParams {
  readonly dtype: DType;
  readonly shape: readonly number[];
  /** The axis along which the values count up. */
  readonly dimension: number;
}

export interface DotGeneralParams {
  /** `[lhsAxes, rhsAxes]` summed over. */
  readonly contractingDims: readonly [readonly number[], readonly number[]];
  /** `[lhsAxes, rhsAxes]` batched over; they lead the output, in order. */
  readonly batchDims: readonly [readonly number[], readonly number[]];
}

export interface ConvDimensionNumbers {
  /** Operand axes as `[batch, feature, ...spatial]`. */
  readonly lhsSpec: readonly number[];
  /** Kernel axes as `[outFeature, inFeature, ...spatial]`. */
  readonly rhsSpec: readonly number[];
  /** Output axes as `[batch, feature, ...spatial]`. */
  readonly outSpec: readonly number[];
}

export interface ConvParams {
  readonly windowStrides: readonly number[];
  /** Explicit `[low, high]` padding per spatial axis (the API resolves `SAME`/`VALID`). */
  readonly padding: readonly (readonly [number, number])[];
  readonly lhsDilation: readonly number[];
  readonly rhsDilation: readonly number[];
  readonly dimensionNumbers: ConvDimensionNumbers;
  readonly featureGroupCount: number;
}

export interface ReduceWindowParams {
  readonly windowDimensions: readonly number[];
  readonly windowStrides: readonly number[];
  readonly padding: readonly (readonly [number, number])[];
  readonly baseDilation: readonly number[];
  readonly windowDilation: readonly number[];
}

/**
 * The primitives every backend must implement (the tinygrad idea: a small set that everything
 * else decomposes into). A backend lacking any other kernel runs that primitive's `decompose`.
 */
export const MINIMAL_PRIMITIVES = [
  'exp',
  'log',
  'sin',
  'sqrt',
  'floor',
  'add',
  'mul',
  'div',
  'rem',
  'pow',
  'atan2',
  'max',
  'lt',
  'eq',
  'and',
  'or',
  'xor',
  'shiftLeft',
  'shiftRightLogical',
  'select',
  'cast',
  'bitcast',
  'iota',
  'reduceSum',
  'reduceMax',
  'reshape',
  'broadcastInDim',
  'transpose',
  'slice',
  'pad',
  'gather',
  'scatterAdd',
] as const satisfies readonly PrimitiveName[];

export type MinimalPrimitiveName = (typeof MINIMAL_PRIMITIVES)[number];
