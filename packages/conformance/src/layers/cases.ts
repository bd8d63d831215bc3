import * as ax from '@addax/core';
import * as nn from '@addax/nn';
import { CLOSE, LOOSE } from '../laws/cases.js';
import { layerCase, type LayerLawCase } from './layer-case.js';

// Tolerances: CLOSE where the layer is exact arithmetic, data movement or a sum of a few terms;
// LOOSE, as the law cases with matmul, conv and reductions, where it sums many terms in an order a
// backend may choose, or runs transcendental functions.

/** Training mode with a key made inside the case's function: threefry runs on the backend under test. */
const training = (): nn.LayerKwargs => ({ training: true, rng: ax.random.key(7) });
const inference = (): nn.LayerKwargs => ({ training: false });

/**
 * Normalising divides by `sqrt(var + epsilon)`: for a nearly constant channel (which the range
 * gives, e.g. all zeros) the default epsilon multiplies the rounding differences of another
 * summation order by up to 1000 (more in the gradient). Epsilon 0.1 bounds that factor by about 3.
 */
const EPSILON = 0.1;

/**
 * The running variance as the range gives it may be negative or zero; normalising divides by its
 * square root, so the case uses `v^2 + 0.5` instead.
 */
const positiveVariance = (bn: nn.BatchNormLayer): nn.BatchNormLayer =>
  bn.replace({ state: { ...bn.state, movingVar: ax.square(bn.state.movingVar).add(0.5) } });

const activation = <L extends nn.Layer, A extends unknown[]>(
  name: string,
  template: nn.Template<L, A>,
  tolerance = LOOSE,
): LayerLawCase => layerCase({ name: `nn.${name}`, template, input: [2, 4], tolerance });

/**
 * The layer suites: each layer `@addax/nn` exports, run through `callAndUpdate` on small inputs,
 * checked with the `reference` law (the output and the updated state equal backend-cpu's) and the
 * `grad` law (so does their gradient with respect to the input and every leaf of the layer).
 */
export const NN_LAYER_CASES: readonly LayerLawCase[] = [
  layerCase({ name: 'nn.Dense', template: nn.Dense(3), input: [2, 4], tolerance: LOOSE }),
  activation('Relu', nn.Relu(), CLOSE),
  activation('Tanh', nn.Tanh()),
  activation('Sigmoid', nn.Sigmoid()),
  activation('Softplus', nn.Softplus()),
  activation('Gelu-approximate', nn.Gelu()),
  activation('Gelu-exact', nn.Gelu({ approximate: false })),
  activation('Softmax', nn.Softmax()),
  activation('LogSoftmax', nn.LogSoftmax()),
  layerCase({
    name: 'nn.Dropout-training',
    template: nn.Dropout(0.5),
    input: [3, 4],
    kwargs: training,
    tolerance: CLOSE,
  }),
  layerCase({
    name: 'nn.Dropout-inference',
    template: nn.Dropout(0.5),
    input: [3, 4],
    kwargs: inference,
    tolerance: CLOSE,
  }),
  layerCase({
    name: 'nn.BatchNorm-training',
    // Momentum 0.5 moves the running averages by half the batch statistics, so that an error in
    // those shows in the updated state as clearly as in the output.
    template: nn.BatchNorm({ momentum: 0.5, epsilon: EPSILON }),
    input: [4, 3, 3, 2],
    batched: true,
    kwargs: training,
    tolerance: LOOSE,
  }),
  layerCase({
    name: 'nn.BatchNorm-inference',
    template: nn.BatchNorm(),
    input: [2, 3, 3, 2],
    batched: true,
    kwargs: inference,
    prepare: positiveVariance,
    tolerance: LOOSE,
  }),
  layerCase({
    name: 'nn.Conv-SAME',
    // An even kernel pads SAME unevenly (none before, one after): an off-by-one shows.
    template: nn.Conv(3, 2, { padding: 'SAME' }),
    input: [2, 4, 4, 2],
    batched: true,
    tolerance: LOOSE,
  }),
  layerCase({
    name: 'nn.Conv-VALID-strides-2',
    template: nn.Conv(3, 3, { strides: 2 }),
    input: [5, 5, 2],
    tolerance: LOOSE,
  }),
  layerCase({
    name: 'nn.Deconv-SAME-strides-2',
    template: nn.Deconv(2, 3, { strides: 2, padding: 'SAME' }),
    input: [3, 3, 2],
    tolerance: LOOSE,
  }),
  layerCase({
    name: 'nn.Deconv-VALID',
    template: nn.Deconv(2, 2),
    input: [2, 3, 3, 2],
    batched: true,
    tolerance: LOOSE,
  }),
  layerCase({
    name: 'nn.MaxPooling-SAME',
    template: nn.MaxPooling(2, { padding: 'SAME' }),
    input: [3, 3, 2],
    tolerance: CLOSE,
  }),
  layerCase({
    name: 'nn.SumPooling',
    template: nn.SumPooling(2, { strides: 2 }),
    input: [4, 4, 2],
    tolerance: CLOSE,
  }),
  layerCase({
    name: 'nn.AvgPooling-SAME',
    // Windows over the last row and column cover fewer elements, which they divide by.
    template: nn.AvgPooling(2, { padding: 'SAME' }),
    input: [2, 3, 3, 2],
    batched: true,
    tolerance: CLOSE,
  }),
  layerCase({ name: 'nn.Flatten', template: nn.Flatten(), input: [2, 3, 2], tolerance: CLOSE }),
  layerCase({ name: 'nn.Reshape', template: nn.Reshape([3, -1]), input: [2, 3, 2], tolerance: CLOSE }),
  layerCase({
    name: 'nn.LayerNorm',
    template: nn.LayerNorm({ epsilon: EPSILON }),
    input: [3, 4],
    tolerance: LOOSE,
  }),
  layerCase({
    name: 'nn.Embedding',
    template: nn.Embedding(5, 3),
    // Row 2 twice (the gradient adds two rows into one) and a negative index (from the end).
    input: () =>
      ax.array(
        [
          [2, 0],
          [-1, 2],
        ],
        { dtype: 'int32' },
      ),
    tolerance: CLOSE,
  }),
  layerCase({
    name: 'nn.Serial-cnn',
    // Smooth activation and pooling: in a chain, Relu and MaxPooling see computed values, whose
    // ties another summation order breaks differently, and their gradients jump there (the Relu
    // and MaxPooling cases check those gradients on exact inputs).
    template: nn.Serial.of(
      nn.Conv(2, 2, { padding: 'SAME' }),
      nn.BatchNorm({ momentum: 0.5, epsilon: EPSILON }),
      nn.Gelu(),
      nn.AvgPooling(2, { strides: 2 }),
      nn.Flatten(),
      nn.Dropout(0.25),
      nn.Dense(3),
    ),
    input: [3, 4, 4, 2],
    batched: true,
    kwargs: training,
    tolerance: LOOSE,
  }),
];
