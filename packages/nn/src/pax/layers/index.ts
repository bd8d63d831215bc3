export { Conv2D, type Conv2DHParams } from './conv.js';
export { Sequential, type SequentialHParams } from './sequential.js';
export {
  BaseActivation,
  GELU,
  Identity,
  ReLU,
  Sigmoid,
  SiLU,
  Tanh,
  type GELUHParams,
} from './activations.js';
export {
  Bias,
  FeedForward,
  Linear,
  MLPBlock,
  type BiasHParams,
  type FeedForwardHParams,
  type LinearHParams,
  type MLPBlockHParams,
} from './linears.js';
export { Dropout, type DropoutHParams } from './dropout.js';
export {
  Embedding,
  FullSoftmax,
  type EmbeddingHParams,
  type FullSoftmaxHParams,
  type SoftmaxOutputs,
  type SoftmaxTargets,
} from './embedding-softmax.js';
export {
  BaseNormalization,
  BatchNorm,
  LayerNorm,
  RmsNorm,
  type BatchNormHParams,
  type LayerNormHParams,
  type NormalizationHParams,
  type RmsNormHParams,
} from './normalizations.js';
export { Repeat, type RepeatHParams } from './repeat.js';
