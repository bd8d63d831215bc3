/**
 * Addax core: arrays, primitives, interpreters and transformations, pytrees, random numbers and
 * the backend registry. Import a backend package (e.g. `@addax/backend-cpu`) to run anything.
 *
 * @packageDocumentation
 */
// Gives the built-in primitives their jvp, transpose and batch rules.
import './rules.js';
export { Array, type ArrayLike, type Nested } from './array.js';
export { ShapeDtype } from './aval.js';
export {
  findBackend,
  getBackend,
  listBackends,
  registerBackend,
  setBackend,
  type Backend,
  type BackendFactory,
  type BackendStatus,
  type FusedKernel,
  type FusionCompiler,
  type Kernel,
  type KernelArg,
  type KernelTable,
  type KernelsFor,
} from './backend.js';
export {
  arange,
  array,
  devicePut,
  eye,
  fromTyped,
  full,
  fullLike,
  linspace,
  ones,
  onesLike,
  scalar,
  zeros,
  zerosLike,
  type ArrayOptions,
} from './creation.js';
export {
  allocTyped,
  DTYPES,
  dtypeOfTyped,
  flushSubnormals,
  itemSize,
  resultType,
  type DType,
  type PromotionOperand,
  type TypedArray,
  type TypedArrayOf,
} from './dtype.js';
export { EagerArray, keep, memory, op, tidy, type MemoryInfo } from './eager.js';
export {
  AddaxError,
  BackendError,
  ConcretizationError,
  DTypeError,
  ParameterError,
  ShapeError,
} from './errors.js';
export { EvalTrace } from './eval.js';
export { bind, bind1, fullRaise, withDynamicBelow, withMainTrace } from './interpreters.js';
export { grad, jvp, linearize, valueAndGrad, vjp, type GradOptions } from './ad/api.js';
export { hessian, jacfwd, jacrev, type JacobianOptions } from './ad/jacobian.js';
export { JvpTrace, JvpTracer } from './ad/jvp-trace.js';
export { backwardPass } from './ad/transpose.js';
export { BatchTrace, BatchTracer, batchAt, batchFlat, moveAxis } from './batching/batch-trace.js';
export { vmap, type AxisSpec, type VmapOptions } from './batching/vmap.js';
export { evalIR } from './ir/eval-ir.js';
export { IR, Var, type Equation } from './ir/ir.js';
export { evalShape, makeIR } from './ir/make-ir.js';
export { StagingTrace, StagingTracer } from './ir/staging.js';
export { jit, type JitOptions, type Jitted } from './jit/jit.js';
export {
  cond,
  condP,
  forLoop,
  scan,
  scanP,
  scanWithBody,
  switchCase,
  switchCase as switch,
  whileLoop,
  whileP,
  type CondParams,
  type ScanOptions,
  type ScanParams,
  type WhileParams,
} from './control/index.js';
export {
  customJvp,
  customJvpCallP,
  customLinP,
  customVjp,
  customVjpCallP,
  type CustomJvpParams,
  type CustomLinParams,
  type CustomVjpParams,
} from './custom/index.js';
export {
  harvest,
  nest,
  plant,
  reap,
  sow,
  sowP,
  type HarvestOptions,
  type NestOptions,
  type Reaped,
  type SowMode,
  type SowOptions,
  type SowParams,
} from './harvest/index.js';
export { registerPytree, TreeDef } from './tree/pytree.js';
export * as tree from './tree/index.js';
export * as lax from './lax/index.js';
export {
  batchRuleOf,
  defineBatch,
  defineJvp,
  definePrimitive,
  defineTranspose,
  jvpRuleOf,
  lookupPrimitive,
  transposeRuleOf,
  primitiveNames,
  Zero,
  type BatchRule,
  type JvpRule,
  type Primitive,
  type PrimitiveDef,
  type TransposeRule,
} from './primitive.js';
export * from './primitives/params.js';
export * from './numpy/index.js';
export * as random from './random/index.js';
export * as state from './state/index.js';
export { broadcastShapes, sizeOf, stridesOf, type Shape } from './shape.js';
export { Trace, Tracer, type MainTrace, type TraceClass } from './trace.js';
