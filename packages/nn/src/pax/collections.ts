import type { WeightHParams } from './weight-hparams.js';

/** The variable collections of a Pax layer tree, as Flax names them. */
export const PARAMS = 'params';
export const NON_TRAINABLE = 'non_trainable';
export const SUMMARIES = 'summaries';
export const AUX_LOSS = 'aux_loss';

/** The random streams `nextPrngKey` draws from by default and `init` draws weights from. */
export const RANDOM = 'random';

/** The collections `init` returns unless asked for others (Pax's `DEFAULT_INIT_MUTABLE_LIST`). */
export const DEFAULT_INIT_MUTABLE = [PARAMS, NON_TRAINABLE] as const;

/**
 * Annotations a variable's {@link WeightHParams} may carry in `collections` (Praxis's
 * `WeightHParamsCollection`): training loops and optimizers read them through the predicates below.
 */
export const WeightHParamsCollection = {
  /** Left out of Lp regularisation. */
  SKIP_LP_REGULARIZATION: '__lingvo_jax_skip_regularization',
  /** Not trained: the variable lives in `non_trainable`, whatever `trainable` said. */
  NON_TRAINABLE: '_lingvo_jax_non_trainable',
  /** Averaged across replicas after each step (e.g. batch-norm statistics). */
  REQUIRES_MEAN_SYNC: '_requires_mean_sync',
  /** Summed across replicas after each step. */
  REQUIRES_SUM_SYNC: '_requires_sum_sync',
  /** Kept in its own dtype when a model is converted to bfloat16. */
  DISALLOW_BFLOAT16_CONVERSION: '_disallow_bfloat16_conversion',
  /** Its "gradient" is its new value: the optimizer overwrites it instead of stepping it. */
  OVERWRITE_WITH_GRADIENT: '_overwrite_with_gradient',
} as const;

/** One of the {@link WeightHParamsCollection} annotations. */
export type WeightCollection = (typeof WeightHParamsCollection)[keyof typeof WeightHParamsCollection];

const has = (hp: WeightHParams, c: WeightCollection): boolean => hp.collections.includes(c);

/** Whether the variable is not trainable. */
export const varNotTrainable = (hp: WeightHParams): boolean => has(hp, WeightHParamsCollection.NON_TRAINABLE);
/** Whether the variable is averaged across replicas. */
export const varRequiresMeanSync = (hp: WeightHParams): boolean =>
  has(hp, WeightHParamsCollection.REQUIRES_MEAN_SYNC);
/** Whether the variable is summed across replicas. */
export const varRequiresSumSync = (hp: WeightHParams): boolean =>
  has(hp, WeightHParamsCollection.REQUIRES_SUM_SYNC);
/** Whether the variable keeps its dtype under bfloat16 conversion. */
export const varDisallowBfloat16Conversion = (hp: WeightHParams): boolean =>
  has(hp, WeightHParamsCollection.DISALLOW_BFLOAT16_CONVERSION);
/** Whether the variable skips Lp regularisation. */
export const varSkipLpRegularization = (hp: WeightHParams): boolean =>
  has(hp, WeightHParamsCollection.SKIP_LP_REGULARIZATION);
/** Whether the optimizer overwrites the variable with its gradient. */
export const varOverwriteWithGradient = (hp: WeightHParams): boolean =>
  has(hp, WeightHParamsCollection.OVERWRITE_WITH_GRADIENT);
