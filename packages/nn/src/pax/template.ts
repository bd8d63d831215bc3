import * as ax from '@addax/core';
import type { LayerKwargs } from '../base/kwargs.js';
import { Layer } from '../base/layer.js';
import { layerParams, type LayerParams } from '../base/layer-params.js';
import { Template } from '../base/template.js';
import type { AnyBaseLayer } from './base-layer.js';
import { NON_TRAINABLE, PARAMS, RANDOM } from './collections.js';
import { LayerConfig } from './config.js';
import { withContext } from './context.js';

type Tree = Record<string, unknown>;

function checkConfig(config: unknown): LayerConfig {
  if (!(config instanceof LayerConfig)) {
    throw new ax.ParameterError(
      `asTemplate: expected a Pax layer config (e.g. nn.pax.Linear.config({...})), got ${String(config)}`,
    );
  }
  return config;
}

/** `layer` initialised for inputs like `example` (a batch): its params and non-trainable variables. */
function initVariables(layer: AnyBaseLayer, key: ax.Array, example: ax.Array): [Tree, Tree] {
  const vars = (layer.init as (k: ax.Array, x: ax.Array) => Record<string, Tree | undefined>)(key, example);
  return [vars[PARAMS] ?? {}, vars[NON_TRAINABLE] ?? {}];
}

const withBatchOfOne = (x: ax.Array): ax.Array => ax.expandDims(x, 0);

/**
 * A Pax layer as an Oryx layer (made by {@link asTemplate}): `params` are the Pax layer's
 * `params`, `state` its `non_trainable` variables, `info` the Pax layer itself.
 *
 * Oryx layers see one example and Pax layers a batch, so a call on one example runs the Pax layer
 * on a batch of one, and a call under `vmap` (with the layer unbatched) runs it once on the whole
 * batch, so batch statistics are the batch's. `training` (default true, as in Oryx) is Pax's
 * `doEval` negated; `rng` is the `random` stream. In training the non-trainable variables the Pax
 * layer updates become the new state, in evaluation they stay.
 */
export class PaxLayer extends Layer<Tree, Tree, AnyBaseLayer> {
  static override readonly callKwargs = ['training', 'rng'] as const;
  static override readonly updateKwargs = ['training', 'rng'] as const;

  static initialize(
    initKey: ax.Array,
    inSpec: ax.ShapeDtype,
    config: LayerConfig,
  ): LayerParams<Tree, Tree, AnyBaseLayer> {
    const layer = checkConfig(config).instantiate();
    const [params, state] = initVariables(
      layer,
      initKey,
      withBatchOfOne(ax.zeros(inSpec.shape, inSpec.dtype)),
    );
    return layerParams({ params, state, info: layer });
  }

  static spec(inSpec: ax.ShapeDtype, config: LayerConfig): ax.ShapeDtype {
    const layer = checkConfig(config).instantiate();
    return ax.evalShape<ax.ShapeDtype>((x: ax.Array) => {
      const batch = withBatchOfOne(x);
      const [params, state] = initVariables(layer, ax.random.key(0), batch);
      return ax.squeeze(runPax(layer, params, state, batch, {})[0], 0);
    })(inSpec);
  }

  protected override _call(x: unknown, kwargs: LayerKwargs): ax.Array {
    return this._callAndUpdate(x, kwargs)[0];
  }

  // Call and update in one run of the Pax layer (its updates are a by-product of its call).
  override _callAndUpdate(x: unknown, kwargs: LayerKwargs): [ax.Array, this] {
    const [y, updated] = this.#run(withBatchOfOne(this.#input(x)), kwargs);
    return [ax.squeeze(y, 0), updated];
  }

  override _callAndUpdateBatched(x: unknown, kwargs: LayerKwargs): [ax.Array, this] {
    // Under vmap with a key per example, the Pax layer runs once on the whole batch and draws
    // from one stream (a Pax layer's draws already cover its whole input): the first example's.
    const { rng } = kwargs;
    const oneKey = rng !== undefined && rng.ndim === 2 ? { ...kwargs, rng: ax.take(rng, 0, 0) } : kwargs;
    return this.#run(this.#input(x), oneKey);
  }

  #input(x: unknown): ax.Array {
    if (!(x instanceof ax.Array)) {
      throw new ax.ParameterError(`${this.toString()}: the input must be one array, got ${String(x)}`);
    }
    return x;
  }

  #run(x: ax.Array, kwargs: LayerKwargs): [ax.Array, this] {
    const layer = this.withStateStopped();
    const [y, state] = runPax(this.info, layer.params, layer.state, x, kwargs);
    return [y, layer.replace({ state })];
  }

  override toString(): string {
    return `PaxLayer(${this.info.toString()})`;
  }
}

/** The Pax layer applied to the batch `x`: its output, and its non-trainable variables after. */
function runPax(
  layer: AnyBaseLayer,
  params: Tree,
  state: Tree,
  x: ax.Array,
  kwargs: LayerKwargs,
): [ax.Array, Tree] {
  const training = kwargs.training ?? true;
  const rngs = kwargs.rng === undefined ? {} : { [RANDOM]: kwargs.rng };
  const apply = layer.apply as (
    vars: Tree,
    x: ax.Array,
    options: { mutable: readonly string[]; rngs: Tree },
  ) => [unknown, Record<string, Tree | undefined>];
  const [y, changed] = withContext({ doEval: !training }, () =>
    apply.call(layer, { [PARAMS]: params, [NON_TRAINABLE]: state }, x, {
      mutable: training ? [NON_TRAINABLE] : [],
      rngs,
    }),
  );
  if (!(y instanceof ax.Array)) {
    throw new ax.ParameterError(
      `${layer.toString()}: as an Oryx layer it must return one array, got ${String(y)}`,
    );
  }
  return [y, changed[NON_TRAINABLE] ?? state];
}

/**
 * An Oryx {@link Template} of a Pax layer config, so Pax layers compose with Oryx ones
 * (`nn.Dense(8).compose(nn.pax.asTemplate(cfg))`) and train through Oryx's `callAndUpdate`. See
 * {@link PaxLayer} for how batches, `training` and `rng` map.
 *
 * @example
 * ```ts
 * const net = nn.Dense(8).compose(nn.pax.asTemplate(nn.pax.Linear.config({ inputDims: 8, outputDims: 2 })));
 * const model = net.init(ax.random.key(0), new ax.ShapeDtype([4], 'float32'));
 * ax.vmap((x: ax.Array) => model.call(x))(ax.ones([16, 4])); // f32[16, 2]
 * ```
 */
export function asTemplate(config: LayerConfig): Template<PaxLayer, [LayerConfig]> {
  return new Template(PaxLayer, [checkConfig(config)]);
}
