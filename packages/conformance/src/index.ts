/**
 * Addax's conformance suite: fast-check arbitraries for shapes, dtypes, parameters and values,
 * one property per primitive (the backend against backend-cpu), the transformation laws, the
 * layer suites of `@addax/nn`, and `runConformance()`, which a backend's own vitest file calls.
 * The `addax-conformance` CLI prints the same checks as a matrix.
 *
 * @packageDocumentation
 */
export { runConformance } from './run.js';
export { checkBackend, failureMessages, formatMatrix, type BackendReport } from './matrix.js';
export { planChecks, type ConformanceOptions, type LawCheck, type Plan } from './options.js';
export { checkPrimitive, describeCase } from './check-primitive.js';
export { isFailure, type Outcome, type Status } from './outcome.js';
export { DEFAULT_NUM_RUNS, DEFAULT_SEED, runSettings, type Env, type RunSettings } from './config.js';
export { REFERENCE, resolveBackend } from './backends.js';
export { compareOutput, ulpDistance } from './compare.js';
export { describeTolerance, EXACT, PRODUCT, SUM, ulps, type Tolerance } from './tolerance.js';
export { hostArray, type HostArray } from './host.js';
export { PRIMITIVE_SPECS } from './primitives/index.js';
export type { Case, PrimitiveSpec } from './primitives/spec.js';
export {
  elementwiseCases,
  elementwiseSpec,
  type ElementwiseOptions,
  type OperandDomains,
} from './primitives/elementwise-cases.js';
export { LAW_CASES } from './laws/cases.js';
export { LAWS } from './laws/index.js';
export { LAW_NAMES, lawsOf, type LawCase, type LawName, type LawTolerance } from './laws/law-case.js';
export { FINITE_DIFFERENCE_TOLERANCE } from './laws/jvp.js';
export { NN_LAYER_CASES } from './layers/cases.js';
export { LAYER_LAWS, layerCase, type LayerCaseOptions, type LayerLawCase } from './layers/layer-case.js';
export { dtypeArb, INTEGER, INTEGRAL, NUMERIC } from './arbitraries/dtypes.js';
export {
  broadcastInDimArb,
  broadcastPairArb,
  dimArb,
  reshapeArb,
  shapeArb,
  type BroadcastInDimCase,
  type ShapeOptions,
} from './arbitraries/shapes.js';
export { axesArb, axisArb, permutationArb } from './arbitraries/axes.js';
export { dynamicSliceArb, padConfigArb, sliceParamsArb } from './arbitraries/slicing.js';
export { gatherArb, scatterArb, type GatherCase, type ScatterCase } from './arbitraries/gather.js';
export { dotGeneralArb, type DotCase } from './arbitraries/dot.js';
export { convArb, reduceWindowArb, type ConvCase } from './arbitraries/conv.js';
export { EDGE_VALUES, elementArb, hostArrayArb, type Domain } from './arbitraries/values.js';
