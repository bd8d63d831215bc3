import { BaseLayer, type AnyBaseLayer } from '../base-layer.js';

/** The hyperparameters of {@link Sequential}. */
export interface SequentialHParams {
  /** The layers, run in order; the config holds their configs, the layer its children `layers_i`. */
  readonly layers: readonly AnyBaseLayer[];
}

/**
 * Layers applied one after the other (Praxis's `Sequential`): each layer's output is the next
 * one's input. An array output is spread into the next call's arguments, as Praxis unpacks a
 * tuple; anything else is passed as the one argument. With no layers the arguments come back (the
 * first alone when there is one).
 *
 * The children are named `layers_0`, `layers_1`, ... so their variables live under those names.
 *
 * @example
 * ```ts
 * const mlp = nn.pax.Sequential.config({
 *   layers: [nn.pax.Linear.config({ inputDims: 4, outputDims: 8 }), nn.pax.Linear.config({ inputDims: 8, outputDims: 2 })],
 * }).instantiate();
 * const vars = mlp.init(ax.random.key(0), ax.ones([3, 4])); // params.layers_0.w, params.layers_1.w
 * mlp.apply(vars, ax.ones([3, 4])); // f32[3, 2]
 * ```
 */
export class Sequential extends BaseLayer<SequentialHParams> {
  static override readonly defaults = { layers: [] } satisfies Partial<SequentialHParams>;
  static override readonly instanceFields = ['layers'];

  // One named parameter, so that `apply(vars, x, options)` tells the options from the input.
  call(input: unknown, ...rest: unknown[]): unknown {
    let args: unknown[] = [input, ...rest];
    if (this.hp.layers.length === 0) return args.length === 1 ? input : args;
    let out: unknown;
    for (const layer of this.hp.layers) {
      out = (layer.call as (...a: unknown[]) => unknown).apply(layer, args);
      args = globalThis.Array.isArray(out) ? out : [out];
    }
    return out;
  }
}
