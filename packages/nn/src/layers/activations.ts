import * as ax from '@addax/core';
import { layerFactory } from '../base/factory.js';
import { Layer, type LayerClass } from '../base/layer.js';
import { layerParams, type Empty, type LayerParams } from '../base/layer-params.js';
import { arrayInput } from './input.js';

/**
 * A layer without parameters that applies a fixed function to its input (Oryx's `Activation`);
 * the function's options, if it takes any, are the layer's `info`. Every activation layer class
 * (`ReluLayer`, ...) extends it.
 *
 * @example
 * ```ts
 * const relu = nn.Relu().init(ax.random.key(0), ax.zeros([3]));
 * relu instanceof nn.ActivationLayer; // true
 * relu instanceof nn.ReluLayer; // true
 * relu.info; // {} (Gelu's holds its options)
 * ```
 */
export abstract class ActivationLayer<O extends object = Empty> extends Layer<Empty, Empty, O> {}

/** The activation layer class `${name}Layer` computing `activate`; its template takes the options `O`. */
function activation<O extends object = Empty>(
  name: string,
  activate: (x: ax.Array, options: O) => ax.Array,
): LayerClass<ActivationLayer<O>, [options?: O]> {
  const cls = class extends ActivationLayer<O> {
    static initialize(
      _initKey: ax.Array,
      _inSpec: ax.ShapeDtype,
      options = {} as O,
    ): LayerParams<Empty, Empty, O> {
      return layerParams({ info: { ...options } });
    }

    // The function's own output spec: e.g. Sigmoid of an int32 input is float32.
    static spec(inSpec: ax.ShapeDtype, options = {} as O): ax.ShapeDtype {
      return ax.evalShape((x: ax.Array) => activate(x, options))(inSpec) as ax.ShapeDtype;
    }

    protected override _call(x: unknown): ax.Array {
      return activate(arrayInput(x, name), this.info);
    }

    override toString(): string {
      return `${name}()`;
    }
  };
  Object.defineProperty(cls, 'name', { value: `${name}Layer` });
  return cls;
}

/** Options of {@link Gelu}. */
export interface GeluOptions {
  /** The tanh approximation (default true, as `jax.nn.gelu` and stax's `Gelu`) or the exact erf form. */
  readonly approximate?: boolean;
}

/** The class of {@link Relu} layers. */
export const ReluLayer = activation('Relu', (x) => ax.relu(x));
/** The class of {@link Tanh} layers. */
export const TanhLayer = activation('Tanh', (x) => ax.tanh(x));
/** The class of {@link Sigmoid} layers. */
export const SigmoidLayer = activation('Sigmoid', (x) => ax.sigmoid(x));
/** The class of {@link Softplus} layers. */
export const SoftplusLayer = activation('Softplus', (x) => ax.softplus(x));
/** The class of {@link Gelu} layers. */
export const GeluLayer = activation<GeluOptions>('Gelu', (x, { approximate = true }) =>
  ax.gelu(x, approximate),
);
/** The class of {@link Softmax} layers. */
export const SoftmaxLayer = activation('Softmax', (x) => ax.softmax(x, -1));
/** The class of {@link LogSoftmax} layers. */
export const LogSoftmaxLayer = activation('LogSoftmax', (x) => ax.logSoftmax(x, -1));

/**
 * `max(x, 0)` elementwise (`ax.relu`).
 *
 * @example
 * ```ts
 * nn.Relu().init(ax.random.key(0), ax.zeros([2])).call(ax.array([-1, 2])); // [0, 2]
 * ```
 */
export const Relu = layerFactory(ReluLayer);

/**
 * `tanh(x)` elementwise.
 *
 * @example
 * ```ts
 * nn.Tanh().init(ax.random.key(0), ax.zeros([1])).call(ax.array([0])); // [0]
 * ```
 */
export const Tanh = layerFactory(TanhLayer);

/**
 * `1 / (1 + e^-x)` elementwise (`ax.sigmoid`).
 *
 * @example
 * ```ts
 * nn.Sigmoid().init(ax.random.key(0), ax.zeros([1])).call(ax.array([0])); // [0.5]
 * ```
 */
export const Sigmoid = layerFactory(SigmoidLayer);

/**
 * `log(1 + e^x)` elementwise, computed stably (`ax.softplus`).
 *
 * @example
 * ```ts
 * nn.Softplus().init(ax.random.key(0), ax.zeros([1])).call(ax.array([0])); // [0.6931472]
 * ```
 */
export const Softplus = layerFactory(SoftplusLayer);

/**
 * `x * Phi(x)` elementwise (`ax.gelu`): by default the tanh approximation, as `jax.nn.gelu`;
 * `Gelu({ approximate: false })` for the exact erf form.
 *
 * @example
 * ```ts
 * nn.Gelu().init(ax.random.key(0), ax.zeros([1])).call(ax.array([1])); // [0.8411920]
 * nn.Gelu({ approximate: false }).init(ax.random.key(0), ax.zeros([1])).call(ax.array([1])); // [0.8413447]
 * ```
 */
export const Gelu = layerFactory(GeluLayer);

/**
 * The softmax over the last axis (`ax.softmax(x, -1)`), as Oryx.
 *
 * @example
 * ```ts
 * nn.Softmax().init(ax.random.key(0), ax.zeros([2])).call(ax.array([0, Math.log(3)])); // [0.25, 0.75]
 * ```
 */
export const Softmax = layerFactory(SoftmaxLayer);

/**
 * The log-softmax over the last axis (`ax.logSoftmax(x, -1)`), as Oryx.
 *
 * @example
 * ```ts
 * nn.LogSoftmax().init(ax.random.key(0), ax.zeros([2])).call(ax.array([0, 0])); // [-0.6931472, -0.6931472]
 * ```
 */
export const LogSoftmax = layerFactory(LogSoftmaxLayer);
