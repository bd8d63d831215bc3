// JAX's `jax.nn.initializers`: functions `(key, shape, dtype?) => Array` and the factories that build them.
export { constant, ones, zeros } from './constant.js';
export { normal, truncatedNormal, uniform, type TruncatedNormalOptions } from './distributions.js';
export { computeFans, type FanAxes, type Fans } from './fans.js';
export type { Initializer, InitializerOptions } from './initializer.js';
export {
  glorotNormal,
  glorotNormal as xavierNormal,
  glorotUniform,
  glorotUniform as xavierUniform,
  heNormal,
  heNormal as kaimingNormal,
  heUniform,
  heUniform as kaimingUniform,
  lecunNormal,
  lecunUniform,
  varianceScaling,
  type FanMode,
  type VarianceDistribution,
  type VarianceScalingOptions,
} from './variance-scaling.js';
