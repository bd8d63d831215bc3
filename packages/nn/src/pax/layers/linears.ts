import * as ax from '@addax/core';
import { BaseLayer } from '../base-layer.js';
import type { LayerConfig } from '../config.js';
import { WeightHParams } from '../weight-hparams.js';
import { WeightInit } from '../weight-init.js';
import { ReLU, type BaseActivation } from './activations.js';
import { floatInput, positiveInt } from './checks.js';

// Templates hold Praxis's placeholder dims, 0, until the parent sets them; a child made from one left
// unset fails its positive-dims check, naming the field.
const UNSET_DIMS = 0;

/** Hyperparameters of {@link Linear}. */
export interface LinearHParams {
  /** The size of the input's last axis. */
  readonly inputDims: number;
  /** The size of the output's last axis. */
  readonly outputDims: number;
  /** How `w` is drawn; null: the layer's `paramsInit`. */
  readonly weightInit: WeightInit | null;
}

/**
 * A projection of the last axis without bias (Praxis's `Linear`): `x @ w`, `w` of shape
 * `[inputDims, outputDims]`, any leading axes kept.
 *
 * @example
 * ```ts
 * const linear = nn.pax.Linear.config({ inputDims: 4, outputDims: 2 }).instantiate();
 * const vars = linear.init(ax.random.key(0), ax.ones([3, 4])); // { params: { w: f32[4, 2] }, ... }
 * linear.apply(vars, ax.ones([5, 3, 4])); // f32[5, 3, 2]
 * ```
 */
export class Linear extends BaseLayer<LinearHParams, 'w'> {
  static override readonly defaults = { weightInit: null } satisfies Partial<LinearHParams>;

  protected override setup(): void {
    const shape = [
      positiveInt(this, 'inputDims', this.hp.inputDims),
      positiveInt(this, 'outputDims', this.hp.outputDims),
    ];
    const init = this.hp.weightInit;
    this.createVariable('w', new WeightHParams({ shape, ...(init ? { init } : {}) }));
  }

  call(inputs: ax.Array): ax.Array {
    return ax.matmul(floatInput(this, inputs, this.hp.inputDims), this.theta.w);
  }
}

/** Hyperparameters of {@link Bias}. */
export interface BiasHParams {
  /** The size of the input's last axis. */
  readonly dims: number;
  /** How `b` is drawn; default zeros. */
  readonly biasInit: WeightInit;
}

/**
 * Adds a learned vector `b` to the last axis (Praxis's `Bias`).
 *
 * @example
 * ```ts
 * const bias = nn.pax.Bias.config({ dims: 3, biasInit: nn.WeightInit.Constant(1) }).instantiate();
 * bias.apply(bias.init(ax.random.key(0), ax.zeros([3])), ax.zeros([2, 3])); // all ones
 * ```
 */
export class Bias extends BaseLayer<BiasHParams, 'b'> {
  static override readonly defaults = { biasInit: WeightInit.Constant(0) } satisfies Partial<BiasHParams>;

  protected override setup(): void {
    const shape = [positiveInt(this, 'dims', this.hp.dims)];
    this.createVariable('b', new WeightHParams({ shape, init: this.hp.biasInit }));
  }

  call(inputs: ax.Array): ax.Array {
    return floatInput(this, inputs, this.hp.dims).add(this.theta.b);
  }
}

/** Hyperparameters of {@link FeedForward}. */
export interface FeedForwardHParams {
  readonly inputDims: number;
  readonly outputDims: number;
  /** Whether a `bias` child follows the projection. */
  readonly hasBias: boolean;
  /** The projection's template; its dims and `weightInit` are set from these. */
  readonly linearTpl: LayerConfig<Linear>;
  /** The bias's template; its `dims` and `biasInit` are set from these. */
  readonly biasTpl: LayerConfig<Bias>;
  /** The activation's template; default ReLU. */
  readonly activationTpl: LayerConfig<BaseActivation>;
  /** How the projection's `w` is drawn; null: the layer's `paramsInit`. */
  readonly weightInit: WeightInit | null;
  /** How the bias is drawn; default zeros. */
  readonly biasInit: WeightInit;
}

/**
 * `activation(x @ w + b)` (Praxis's `FeedForward`): children `linear`, `bias` (unless `hasBias`
 * is false) and `activation`, made from their templates.
 *
 * @example
 * ```ts
 * const ff = nn.pax.FeedForward.config({ inputDims: 4, outputDims: 8, activationTpl: nn.pax.Tanh.config() }).instantiate();
 * const vars = ff.init(ax.random.key(0), ax.ones([2, 4])); // params.linear.w, params.bias.b
 * ff.apply(vars, ax.ones([2, 4])); // f32[2, 8]
 * ```
 */
export class FeedForward extends BaseLayer<FeedForwardHParams> {
  static override readonly defaults = {
    hasBias: true,
    linearTpl: Linear.config({ inputDims: UNSET_DIMS, outputDims: UNSET_DIMS }),
    biasTpl: Bias.config({ dims: UNSET_DIMS }),
    activationTpl: ReLU.config(),
    weightInit: null,
    biasInit: WeightInit.Constant(0),
  } satisfies Partial<FeedForwardHParams>;

  declare private linear: Linear;
  declare private bias: Bias | undefined;
  declare private activation: BaseActivation;

  protected override setup(): void {
    const { inputDims, outputDims, weightInit, biasInit } = this.hp;
    this.linear = this.createChild(
      'linear',
      this.hp.linearTpl.clone().set({ inputDims, outputDims, weightInit }),
    );
    if (this.hp.hasBias)
      this.bias = this.createChild('bias', this.hp.biasTpl.clone().set({ dims: outputDims, biasInit }));
    this.activation = this.createChild('activation', this.hp.activationTpl);
  }

  call(inputs: ax.Array): ax.Array {
    const projected = this.linear.call(inputs);
    return this.activation.call(this.bias ? this.bias.call(projected) : projected);
  }
}

/** Hyperparameters of {@link MLPBlock}. */
export interface MLPBlockHParams {
  /** How many FeedForward layers; at least 1. */
  readonly numLayers: number;
  /** The size between layers. */
  readonly hiddenDims: number;
  /** Each layer's template: its `inputDims` is the block's input size, its `outputDims` the output's. */
  readonly ffTpl: LayerConfig<FeedForward>;
}

/**
 * `numLayers` FeedForward layers in a row (Praxis's `MLPBlock`): the first maps `ffTpl`'s
 * `inputDims` to `hiddenDims`, the middle ones `hiddenDims` to itself, the last `hiddenDims` to
 * `ffTpl`'s `outputDims`. Every layer, the last included, has `ffTpl`'s activation, as in Praxis.
 * The children are `mlp_layers_0`, `mlp_layers_1`, ... (Praxis's names).
 *
 * @example
 * ```ts
 * const mlp = nn.pax.MLPBlock.config({
 *   numLayers: 3,
 *   hiddenDims: 16,
 *   ffTpl: nn.pax.FeedForward.config({ inputDims: 4, outputDims: 2 }),
 * }).instantiate();
 * const vars = mlp.init(ax.random.key(0), ax.ones([8, 4])); // params.mlp_layers_0.linear.w: f32[4, 16], ...
 * mlp.apply(vars, ax.ones([8, 4])); // f32[8, 2]
 * ```
 */
export class MLPBlock extends BaseLayer<MLPBlockHParams> {
  static override readonly defaults = {
    numLayers: 3,
    hiddenDims: 128,
    ffTpl: FeedForward.config({ inputDims: UNSET_DIMS, outputDims: UNSET_DIMS }),
  } satisfies Partial<MLPBlockHParams>;

  declare private mlpLayers: FeedForward[];

  protected override setup(): void {
    const n = positiveInt(this, 'numLayers', this.hp.numLayers);
    const hiddenDims = positiveInt(this, 'hiddenDims', this.hp.hiddenDims);
    const { inputDims, outputDims } = this.hp.ffTpl.hp;
    positiveInt(this, 'ffTpl.inputDims', inputDims);
    positiveInt(this, 'ffTpl.outputDims', outputDims);
    const hidden = this.hp.ffTpl.clone().set({ inputDims: hiddenDims, outputDims: hiddenDims });
    const layers = globalThis.Array.from({ length: n }, () => hidden.clone());
    layers[0]!.set({ inputDims });
    layers[n - 1]!.set({ outputDims });
    this.mlpLayers = this.createChildren('mlp_layers', layers);
  }

  call(inputs: ax.Array): ax.Array {
    return this.mlpLayers.reduce((x, layer) => layer.call(x), inputs);
  }
}
