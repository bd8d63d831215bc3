export { Dense, DenseLayer, type DenseOptions, type DenseParams } from './dense.js';
export {
  ActivationLayer,
  Gelu,
  GeluLayer,
  LogSoftmax,
  LogSoftmaxLayer,
  Relu,
  ReluLayer,
  Sigmoid,
  SigmoidLayer,
  Softmax,
  SoftmaxLayer,
  Softplus,
  SoftplusLayer,
  Tanh,
  TanhLayer,
  type GeluOptions,
} from './activations.js';
export { Dropout, DropoutLayer, type DropoutInfo } from './dropout.js';
export { Embedding, EmbeddingLayer, type EmbeddingOptions, type EmbeddingParams } from './embedding.js';
export {
  LayerNorm,
  LayerNormLayer,
  type LayerNormInfo,
  type LayerNormOptions,
  type LayerNormParams,
} from './layer-norm.js';
export { Flatten, FlattenLayer, Reshape, ReshapeLayer, type ReshapeInfo } from './reshape.js';
export {
  BatchNorm,
  BatchNormLayer,
  type BatchNormInfo,
  type BatchNormOptions,
  type BatchNormParams,
  type BatchNormState,
} from './batch-norm.js';
export { Conv, ConvLayer } from './conv.js';
export {
  ConvolutionLayer,
  type ConvInfo,
  type ConvOptions,
  type ConvParams,
  type KernelSize,
} from './convolution.js';
export { Deconv, DeconvLayer } from './deconv.js';
export {
  AvgPooling,
  AvgPoolingLayer,
  MaxPooling,
  MaxPoolingLayer,
  PoolingLayer,
  SumPooling,
  SumPoolingLayer,
  type PoolingInfo,
  type PoolingOptions,
} from './pooling.js';
export { type Padding } from './window.js';
