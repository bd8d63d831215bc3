import * as ax from '@addax/core';
import { BaseLayer } from '../base-layer.js';
import { WeightHParamsCollection } from '../collections.js';
import { SummaryVerbosity } from '../context.js';
import { WeightHParams } from '../weight-hparams.js';
import { WeightInit } from '../weight-init.js';
import { floatInput, positiveInt } from './checks.js';

/** The hyperparameter every normalisation has (Praxis's `BaseNormalization`). */
export interface NormalizationHParams {
  /** The size of the input's last axis, the one normalised. */
  readonly dim: number;
}

/**
 * A normalisation layer (Praxis's `BaseNormalization`): `call(inputs, paddings)` on inputs
 * `[..., dim]`; layers that ignore `paddings` take it all the same, so they are interchangeable.
 */
export abstract class BaseNormalization<H extends NormalizationHParams, V extends string> extends BaseLayer<
  H,
  V
> {
  /** The `[dim]` shape of the per-feature variables, after checking `dim`. */
  protected featureShape(): number[] {
    return [positiveInt(this, 'dim', this.hp.dim)];
  }

  /** The input, checked to be float32 `[..., dim]`. */
  protected input(inputs: unknown): ax.Array {
    return floatInput(this, inputs, this.hp.dim);
  }

  abstract override call(inputs: ax.Array, paddings?: ax.Array | null): ax.Array;
}

const scaleInit = (direct: boolean): WeightInit => WeightInit.Constant(direct ? 1 : 0);

/** Hyperparameters of {@link LayerNorm}. */
export interface LayerNormHParams extends NormalizationHParams {
  /** Added to the variance under the square root. */
  readonly epsilon: number;
  /** Whether to multiply by a learned `scale`. */
  readonly useScale: boolean;
  /** Whether to add a learned `bias`. */
  readonly useBias: boolean;
  /** Scale by `scale` (initialised to 1) rather than `1 + scale` (initialised to 0, Praxis's default). */
  readonly directScale: boolean;
}

/**
 * Layer normalisation over the last axis (Praxis's `LayerNorm`):
 * `(x - mean) / sqrt(var + epsilon) * (1 + scale) + bias`, or `* scale` with `directScale`.
 * `scale` and `bias` skip Lp regularisation.
 *
 * @example
 * ```ts
 * const ln = nn.pax.LayerNorm.config({ dim: 4 }).instantiate();
 * const x = ax.array([[1, 2, 3, 4]]);
 * ln.apply(ln.init(ax.random.key(0), x), x); // ≈ [[-1.342, -0.447, 0.447, 1.342]]
 * ```
 */
export class LayerNorm extends BaseNormalization<LayerNormHParams, 'scale' | 'bias'> {
  static override readonly defaults = {
    epsilon: 1e-6,
    useScale: true,
    useBias: true,
    directScale: false,
  } satisfies Partial<LayerNormHParams>;

  protected override setup(): void {
    const shape = this.featureShape();
    const collections = [WeightHParamsCollection.SKIP_LP_REGULARIZATION];
    if (this.hp.useScale)
      this.createVariable(
        'scale',
        new WeightHParams({ shape, init: scaleInit(this.hp.directScale), collections }),
      );
    if (this.hp.useBias)
      this.createVariable('bias', new WeightHParams({ shape, init: WeightInit.Constant(0), collections }));
  }

  // Praxis's LayerNorm takes paddings and ignores them.
  call(inputs: ax.Array, _paddings: ax.Array | null = null): ax.Array {
    const x = this.input(inputs);
    const mean = ax.mean(x, -1, { keepdims: true });
    const centred = x.sub(mean);
    const variance = ax.mean(centred.square(), -1, { keepdims: true });
    let out = centred.mul(ax.rsqrt(variance.add(this.hp.epsilon)));
    if (this.hp.useScale) out = out.mul(this.hp.directScale ? this.theta.scale : this.theta.scale.add(1));
    if (this.hp.useBias) out = out.add(this.theta.bias);
    return out;
  }
}

/** Hyperparameters of {@link RmsNorm}. */
export interface RmsNormHParams extends NormalizationHParams {
  /** Added to the mean square under the square root. */
  readonly epsilon: number;
  /** Scale by `scale` (initialised to 1, the default) rather than `1 + scale` (initialised to 0). */
  readonly directScale: boolean;
}

/**
 * Root-mean-square normalisation over the last axis (Praxis's `RmsNorm`):
 * `x / sqrt(mean(x^2) + epsilon) * scale` (`* (1 + scale)` without `directScale`).
 *
 * @example
 * ```ts
 * const rms = nn.pax.RmsNorm.config({ dim: 2 }).instantiate();
 * const x = ax.array([[3, 4]]);
 * rms.apply(rms.init(ax.random.key(0), x), x); // ≈ [[0.8485, 1.1314]]: x / sqrt(12.5)
 * ```
 */
export class RmsNorm extends BaseNormalization<RmsNormHParams, 'scale'> {
  static override readonly defaults = { epsilon: 1e-6, directScale: true } satisfies Partial<RmsNormHParams>;

  protected override setup(): void {
    const shape = this.featureShape();
    this.createVariable('scale', new WeightHParams({ shape, init: scaleInit(this.hp.directScale) }));
  }

  // Praxis's RmsNorm takes paddings and ignores them.
  call(inputs: ax.Array, _paddings: ax.Array | null = null): ax.Array {
    const x = this.input(inputs);
    const meanSquare = ax.mean(x.square(), -1, { keepdims: true });
    const scale = this.hp.directScale ? this.theta.scale : this.theta.scale.add(1);
    return x.mul(ax.rsqrt(meanSquare.add(this.hp.epsilon))).mul(scale);
  }
}

/** Hyperparameters of {@link BatchNorm}. */
export interface BatchNormHParams extends NormalizationHParams {
  /** How much of the moving statistics an update keeps: `new = decay * old + (1 - decay) * batch`. */
  readonly decay: number;
  /** Normalise with the moving statistics in training too (and without beta and gamma). */
  readonly useMovingAvgInTraining: boolean;
  /** Zero the outputs at padded positions. */
  readonly setPaddedOutputToZero: boolean;
  /** Behave as in evaluation even when the context trains (the variables still train). */
  readonly forceEvalMode: boolean;
  /** How `gamma` is drawn; the input is scaled by `1 + gamma`, so the default is zeros. */
  readonly gammaInit: WeightInit;
}

/** Praxis's fixed epsilon of batch normalisation. */
const BATCH_NORM_EPSILON = 1e-3;

/**
 * Batch normalisation over every axis but the last (Praxis's `BatchNorm`):
 * `(x - mean) / sqrt(variance + 0.001) * (1 + gamma) + beta`.
 *
 * In training the statistics are the batch's (over the positions `paddings` leaves unpadded) and
 * the non-trainable `moving_mean` and `moving_variance` (annotated REQUIRES_MEAN_SYNC) move
 * towards them, `decay * old + (1 - decay) * batch`, when `non_trainable` is mutable; in
 * evaluation (`doEval` or `forceEvalMode`) the moving statistics are used and left alone. The
 * statistics go to `summaries` as histograms at DEBUG verbosity.
 *
 * @example
 * ```ts
 * const bn = nn.pax.BatchNorm.config({ dim: 2 }).instantiate();
 * const x = ax.random.normal(ax.random.key(1), [16, 2]);
 * const vars = bn.init(ax.random.key(0), x);
 * const [y, { non_trainable }] = bn.apply(vars, x, null, { mutable: ['non_trainable'] }); // moved statistics
 * nn.withContext({ doEval: true }, () => bn.apply({ ...vars, non_trainable }, x)); // uses them
 * ```
 */
export class BatchNorm extends BaseNormalization<BatchNormHParams, 'beta' | 'gamma'> {
  static override readonly defaults = {
    decay: 0.999,
    useMovingAvgInTraining: false,
    setPaddedOutputToZero: true,
    forceEvalMode: false,
    gammaInit: WeightInit.Constant(0),
  } satisfies Partial<BatchNormHParams>;

  protected override setup(): void {
    const shape = this.featureShape();
    const { decay } = this.hp;
    if (typeof decay !== 'number' || !(decay >= 0 && decay <= 1)) {
      throw new ax.ParameterError(`${String(this)}: decay must be a number in [0, 1], got ${String(decay)}`);
    }
    this.createVariable('beta', new WeightHParams({ shape, init: WeightInit.Constant(0) }));
    this.createVariable('gamma', new WeightHParams({ shape, init: this.hp.gammaInit }));
    const collections = [WeightHParamsCollection.REQUIRES_MEAN_SYNC];
    const moving = (init: number) =>
      new WeightHParams({ shape, init: WeightInit.Constant(init), collections });
    this.createVariable('moving_mean', moving(0), { trainable: false });
    this.createVariable('moving_variance', moving(1), { trainable: false });
  }

  /**
   * @param inputs `[..., dim]`, at least 2-d.
   * @param paddings `inputs.shape` without its last axis: 1 where padded (left out of the batch
   *   statistics and, with `setPaddedOutputToZero`, zeroed), 0 elsewhere; default none padded.
   */
  call(inputs: ax.Array, paddings: ax.Array | null = null): ax.Array {
    const x = this.input(inputs);
    if (x.ndim < 2) {
      throw new ax.ShapeError(`${String(this)}: the input must be [batch..., dim], got ${x.aval.describe()}`);
    }
    const padding = this.padding(x, paddings);
    const [mean, variance] =
      this.doEval || this.hp.forceEvalMode ? this.movingMoments() : this.batchMoments(x, padding);
    const [beta, gamma] = this.hp.useMovingAvgInTraining
      ? [0, 1]
      : [this.theta.beta, this.theta.gamma.add(1)];
    const out = x
      .sub(mean)
      .mul(ax.rsqrt(variance.add(BATCH_NORM_EPSILON)).mul(gamma))
      .add(beta);
    return padding && this.hp.setPaddedOutputToZero ? out.mul(ax.subtract(1, padding)) : out;
  }

  /** `paddings` as `[..., 1]`, checked against the input; null when not given. */
  private padding(x: ax.Array, paddings: ax.Array | null): ax.Array | null {
    if (paddings === null) return null;
    const expected = x.shape.slice(0, -1);
    if (!(paddings instanceof ax.Array) || paddings.shape.join() !== expected.join()) {
      throw new ax.ShapeError(
        `${String(this)}: paddings must have the input's shape without its last axis, [${expected.join(', ')}], got ` +
          (paddings instanceof ax.Array ? paddings.aval.describe() : String(paddings)),
      );
    }
    return ax.expandDims(paddings.astype(x.dtype), -1);
  }

  private movingMoments(): [ax.Array, ax.Array] {
    const mean = this.getVar('moving_mean');
    const variance = this.getVar('moving_variance');
    this.summarize({ moving_mean: mean, moving_variance: variance });
    return [mean, variance];
  }

  /** The batch's moments (Praxis's `compute_moments`), moving the moving statistics towards them. */
  private batchMoments(x: ax.Array, padding: ax.Array | null): [ax.Array, ax.Array] {
    const axes = x.shape.slice(0, -1).map((_, i) => i);
    const mask = padding ? ax.subtract(1, padding) : ax.onesLike(x);
    // A batch all padding counts as one element, as in Praxis, so the moments stay finite (zero).
    const count = ax.maximum(ax.sum(ax.broadcastTo(mask, x.shape), axes), 1);
    const mean = ax.sum(x.mul(mask), axes).div(count);
    const variance = ax.sum(x.sub(mean).square().mul(mask), axes).div(count);
    const { decay } = this.hp;
    for (const [name, batch] of [
      ['moving_mean', mean],
      ['moving_variance', variance],
    ] as const) {
      this.updateVar(
        name,
        this.getVar(name)
          .mul(decay)
          .add(batch.mul(1 - decay)),
      );
    }
    const movingMean = this.getVar('moving_mean');
    const movingVariance = this.getVar('moving_variance');
    this.summarize({ mean, variance, moving_mean: movingMean, moving_variance: movingVariance });
    return this.hp.useMovingAvgInTraining ? [movingMean, movingVariance] : [mean, variance];
  }

  // Praxis adds these at a verbosity past DEBUG; DEBUG is Addax's most verbose level. They are
  // vectors, so histograms (a scalar summary is one number).
  private summarize(stats: Readonly<Record<string, ax.Array>>): void {
    for (const [name, value] of Object.entries(stats))
      this.addSummary(name, value, { type: 'histogram', verbosity: SummaryVerbosity.DEBUG });
  }
}
