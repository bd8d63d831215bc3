import * as ax from '@addax/core';
import { BaseLayer } from '../base-layer.js';
import type { LayerConfig } from '../config.js';
import { WeightHParams } from '../weight-hparams.js';
import { WeightInit } from '../weight-init.js';
import { Identity } from './activations.js';
import { floatInput, positiveInt } from './checks.js';
import { FeedForward } from './linears.js';

/** The hyperparameters of {@link Embedding}. */
export interface EmbeddingHParams {
  /** The vocabulary size: the rows of `emb_var`. */
  readonly numClasses: number;
  /** The embedding size (Praxis's name, shared with the softmax layers). */
  readonly inputDims: number;
  /** `'index'` gathers rows; `'matmul'` multiplies one-hot ids by `emb_var`. Default `'index'`. */
  readonly lookupStyle: 'index' | 'matmul';
  /** Multiply the embeddings by `sqrt(inputDims)`; default false. */
  readonly scaleSqrtDepth: boolean;
  /** Embeddings of ids `>= numClasses` become NaN (to find them when debugging); default false. */
  readonly setNanForOobId: boolean;
}

function idsInput(layer: object, ids: unknown): ax.Array {
  if (!(ids instanceof ax.Array) || (ids.dtype !== 'int32' && ids.dtype !== 'uint32')) {
    throw new ax.DTypeError(
      `${String(layer)}: ids must be an int32 array, got ${ids instanceof ax.Array ? ids.aval.describe() : String(ids)}`,
    );
  }
  return ids;
}

/**
 * An embedding lookup (Praxis's `Embedding`): `emb_var` of `[numClasses, inputDims]`, and
 * `call(ids)` the rows at `ids`, of shape `[...ids.shape, inputDims]`.
 *
 * Out-of-range ids are not an error (they cannot be checked under `jit`, where ids have no
 * values), and each style does what JAX does: `'index'` counts a negative id from the end and
 * clamps the rest into range (XLA's gather), `'matmul'` gives zeros (`one_hot` of an id out of
 * range is all zeros). `setNanForOobId` makes the rows of ids `>= numClasses` NaN instead.
 *
 * @example
 * ```ts
 * const emb = nn.pax.Embedding.config({ numClasses: 100, inputDims: 16 }).instantiate();
 * const ids = ax.array([[3, 7, 9]], 'int32');
 * emb.apply(emb.init(ax.random.key(0), ids), ids); // f32[1, 3, 16]
 * ```
 */
export class Embedding extends BaseLayer<EmbeddingHParams, 'emb_var'> {
  static override readonly defaults = {
    lookupStyle: 'index',
    scaleSqrtDepth: false,
    setNanForOobId: false,
  } satisfies Partial<EmbeddingHParams>;

  protected override setup(): void {
    const shape = [
      positiveInt(this, 'numClasses', this.hp.numClasses),
      positiveInt(this, 'inputDims', this.hp.inputDims),
    ];
    if (this.hp.lookupStyle !== 'index' && this.hp.lookupStyle !== 'matmul') {
      throw new ax.ParameterError(
        `${String(this)}: lookupStyle must be 'index' or 'matmul', got ${String(this.hp.lookupStyle)}`,
      );
    }
    this.createVariable('emb_var', new WeightHParams({ shape }));
  }

  /** The embeddings of int32 `ids` (Praxis's `emb_lookup`). */
  call(ids: ax.Array): ax.Array {
    const { numClasses, inputDims } = this.hp;
    const idx = idsInput(this, ids);
    const table = this.theta.emb_var;
    let embs =
      this.hp.lookupStyle === 'index'
        ? ax.take(table, ax.where(idx.lt(0), idx.add(numClasses), idx), 0, { mode: 'clip' })
        : ax.matmul(ax.oneHot(idx, numClasses, { dtype: table.dtype }), table);
    if (this.hp.setNanForOobId) embs = ax.where(ax.expandDims(idx.lt(numClasses), -1), embs, NaN);
    if (this.hp.scaleSqrtDepth) embs = embs.mul(Math.sqrt(inputDims));
    return embs;
  }
}

/** The hyperparameters of {@link FullSoftmax}. */
export interface FullSoftmaxHParams {
  /** The size of the inputs' last axis. */
  readonly inputDims: number;
  /** The number of classes: the logits' last axis. */
  readonly numClasses: number;
  /** When non-zero, logits are soft-capped to `c * tanh(logits / c)`; default 0. */
  readonly softCapLogits: number;
  /** Label smoothing of `classIds` targets: the label keeps `1 - p`, the others share `p`; default 0. */
  readonly labelSmoothingProb: number;
  /** Whether label smoothing also applies under `doEval`; default true. */
  readonly labelSmoothingApplyForEval: boolean;
  /** When positive, adds the aux loss (and summary) `aux_z_loss`: this times the weighted mean of `logsumexp(logits)^2`. */
  readonly zLossWeight: number;
  /** The constant the logits' bias starts at; default 0. */
  readonly biasInit: number;
  /** The projection's template; its dims, activation (none) and bias init are set from these. */
  readonly feedForwardTpl: LayerConfig<FeedForward>;
}

/** The targets of {@link FullSoftmax.call}: class ids `[..., 1]` (int32), or probabilities `[..., numClasses]`. */
export type SoftmaxTargets = { readonly classIds: ax.Array } | { readonly classProbabilities: ax.Array };

/** What {@link FullSoftmax.call} returns (Praxis's NestedMap, camelCased). */
export interface SoftmaxOutputs {
  /** `[..., numClasses]`. */
  readonly logits: ax.Array;
  /** `logSoftmax(logits)`, `[..., numClasses]`. */
  readonly logProbs: ax.Array;
  /** The arg-max class of each example, `[...]` (as float, as in Praxis). */
  readonly perExampleArgmax: ax.Array;
  /** Each example's cross entropy, `[...]`. */
  readonly perExampleXent: ax.Array;
  /** `sum(perExampleXent * classWeights)`. */
  readonly totalXent: ax.Array;
  /** `sum(classWeights)`. */
  readonly totalWeight: ax.Array;
  /** `totalXent / (totalWeight + 1e-6)`. */
  readonly avgXent: ax.Array;
}

/**
 * A softmax over a learned projection, with cross-entropy outputs (Praxis's `FullSoftmax`):
 * `getLogits(x) = x @ w + b` through a FeedForward child `logits_ffn` without activation (so
 * `params.logits_ffn.linear.w` `[inputDims, numClasses]` and `params.logits_ffn.bias.b`, Praxis's
 * paths), soft-capped when asked; `call(inputs, classWeights, targets)` the losses against
 * `{ classIds }` or `{ classProbabilities }`. `classWeights` is `[..., 1]`, one weight an example.
 * Praxis's bi-tempered loss is not implemented.
 *
 * @example
 * ```ts
 * const softmax = nn.pax.FullSoftmax.config({ inputDims: 8, numClasses: 10 }).instantiate();
 * const x = ax.random.normal(ax.random.key(1), [4, 8]);
 * const targets = { classIds: ax.array([[1], [0], [9], [3]], 'int32') };
 * const vars = softmax.init(ax.random.key(0), x, ax.ones([4, 1]), targets);
 * softmax.apply(vars, x, ax.ones([4, 1]), targets).avgXent; // a scalar
 * softmax.apply(vars, x, { method: 'getLogits' }); // f32[4, 10]
 * ```
 */
export class FullSoftmax extends BaseLayer<FullSoftmaxHParams> {
  static override readonly defaults = {
    softCapLogits: 0,
    labelSmoothingProb: 0,
    labelSmoothingApplyForEval: true,
    zLossWeight: 0,
    biasInit: 0,
    // 0: Praxis's unset dims, which setup sets from this layer's.
    feedForwardTpl: FeedForward.config({ inputDims: 0, outputDims: 0 }),
  } satisfies Partial<FullSoftmaxHParams>;

  declare private logitsFfn: FeedForward;

  protected override setup(): void {
    const inputDims = positiveInt(this, 'inputDims', this.hp.inputDims);
    const numClasses = positiveInt(this, 'numClasses', this.hp.numClasses);
    const p = this.hp.labelSmoothingProb;
    if (!(p >= 0 && p < 1) || (p > 0 && numClasses < 2)) {
      throw new ax.ParameterError(
        `${String(this)}: labelSmoothingProb must be in [0, 1) (and needs numClasses >= 2), got ${String(p)}`,
      );
    }
    this.logitsFfn = this.createChild(
      'logits_ffn',
      this.hp.feedForwardTpl.clone().set({
        inputDims,
        outputDims: numClasses,
        activationTpl: Identity.config(),
        biasInit: WeightInit.Constant(this.hp.biasInit),
      }),
    );
  }

  /** The unnormalised logits `[..., numClasses]` of `inputs` `[..., inputDims]`. */
  getLogits(inputs: ax.Array): ax.Array {
    const logits = this.logitsFfn.call(floatInput(this, inputs, this.hp.inputDims));
    const cap = this.hp.softCapLogits;
    return cap ? ax.tanh(logits.div(cap)).mul(cap) : logits;
  }

  /** The logits, log-probabilities and cross entropies of `inputs` against `targets`. */
  call(inputs: ax.Array, classWeights: ax.Array, targets: SoftmaxTargets): SoftmaxOutputs {
    const logits = this.getLogits(inputs);
    const batch = logits.shape.slice(0, -1);
    const weights = floatInput(this, classWeights, 1);
    if (weights.shape.slice(0, -1).join() !== batch.join()) {
      throw new ax.ShapeError(
        `${String(this)}: classWeights must be [${[...batch, 1].join(', ')}] (one weight an example), got ${weights.aval.describe()}`,
      );
    }
    const logProbs = ax.logSoftmax(logits);
    const probabilities = ax.lax.stopGradient(this.#targetProbabilities(targets, batch));
    const perExampleXent = ax.sum(logProbs.mul(probabilities), -1).neg();
    const totalXent = ax.sum(ax.expandDims(perExampleXent, -1).mul(weights));
    const totalWeight = ax.sum(weights);
    if (this.hp.zLossWeight > 0) {
      const logZ = ax.logsumexp(logits, -1, { keepdims: true });
      const zLoss = ax.sum(ax.square(logZ).mul(weights)).div(totalWeight).mul(this.hp.zLossWeight);
      this.addSummary('aux_z_loss', zLoss);
      this.addAuxLoss('aux_z_loss', zLoss);
    }
    return {
      logits,
      logProbs,
      perExampleArgmax: ax.lax.stopGradient(ax.argmax(logits, -1).astype('float32')),
      perExampleXent,
      totalXent,
      totalWeight,
      avgXent: totalXent.div(totalWeight.add(1e-6)),
    };
  }

  /** The target distribution `[..., numClasses]`: given, or the (smoothed) one-hot of the ids. */
  #targetProbabilities(targets: SoftmaxTargets, batch: readonly number[]): ax.Array {
    const { numClasses } = this.hp;
    const expected = `[${[...batch, numClasses].join(', ')}]`;
    if (ax.tree.isPlainObject(targets) && 'classProbabilities' in targets) {
      const p = floatInput(this, targets.classProbabilities, numClasses);
      if (p.shape.join() !== [...batch, numClasses].join())
        throw new ax.ShapeError(
          `${String(this)}: classProbabilities must be ${expected}, got ${p.aval.describe()}`,
        );
      return p;
    }
    if (!ax.tree.isPlainObject(targets) || !('classIds' in targets)) {
      throw new ax.ParameterError(
        `${String(this)}: targets must be { classIds } or { classProbabilities }, got ${String(targets)}`,
      );
    }
    const ids = idsInput(this, targets.classIds);
    if (ids.shape.join() !== [...batch, 1].join()) {
      throw new ax.ShapeError(
        `${String(this)}: classIds must be [${[...batch, 1].join(', ')}], got ${ids.aval.describe()}`,
      );
    }
    const oneHot = ax.oneHot(ax.squeeze(ids, -1), numClasses);
    const p = this.hp.labelSmoothingProb;
    if (p === 0 || (this.doEval && !this.hp.labelSmoothingApplyForEval)) return oneHot;
    // The label keeps 1 - p; the other numClasses - 1 classes share p.
    const other = p / (numClasses - 1);
    return oneHot.mul(1 - p).add(ax.onesLike(oneHot).sub(oneHot).mul(other));
  }
}
