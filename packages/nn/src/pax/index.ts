/**
 * Pax's layer API (Praxis's `BaseLayer`): configs, `setup`/`call` layers with declared variables
 * and children, Flax's `init`/`apply`, summaries, and the basic layers.
 *
 * @packageDocumentation
 */
export {
  BaseLayer,
  type AnyBaseLayer,
  type ApplyOptions,
  type BaseLayerClass,
  type InitOptions,
  type Rngs,
} from './base-layer.js';
export * from './collections.js';
export {
  LayerConfig,
  type BaseHParams,
  type ConfigArgs,
  type ConfigFields,
  type ConfigValue,
  type HParamsOf,
} from './config.js';
export {
  addGlobalSummary,
  allGlobalSummaries,
  clearGlobalSummaries,
  currentContext,
  SummaryVerbosity,
  withContext,
  type ContextOptions,
  type PaxContext,
} from './context.js';
export type { Mutable, Variables } from './scope.js';
export { summaryText, type Summaries, type SummaryOptions, type SummaryType } from './summaries.js';
export { WeightHParams, type WeightHParamsFields } from './weight-hparams.js';
export {
  defaultParamsInit,
  fanInFanOut,
  initVar,
  isDefaultParamsInit,
  WeightInit,
  type WeightInitMethod,
} from './weight-init.js';
export * from './layers/index.js';
export { asTemplate, PaxLayer } from './template.js';
