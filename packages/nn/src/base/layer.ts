import * as ax from '@addax/core';
import { bindLayerCau } from './layer-cau.js';
import { filterKwargs, type AcceptedKwargs, type LayerKwargs } from './kwargs.js';
import type { LayerParams } from './layer-params.js';

/** The constructor and static methods of a layer class `L` whose template takes `A`. */
export interface LayerClass<L extends Layer = Layer, A extends unknown[] = never[]> {
  new (layerParams: LayerParams<L['params'], L['state'], L['info']>, name?: string): L;
  readonly name: string;
  /** The layer's initial {@link LayerParams} for inputs of spec `inSpec`. */
  initialize(
    initKey: ax.Array,
    inSpec: ax.ShapeDtype,
    ...args: A
  ): LayerParams<L['params'], L['state'], L['info']>;
  /** The spec of the layer's output for inputs of spec `inSpec`. */
  spec(inSpec: ax.ShapeDtype, ...args: A): ax.ShapeDtype;
}

interface LayerData {
  readonly info: unknown;
  readonly name: string | undefined;
}

/**
 * A neural-network layer (Oryx's `Layer`): a {@link ax.state.Module} whose state is a
 * {@link LayerParams}. A layer class implements static `initialize(key, inSpec, ...args)` and
 * `spec(inSpec, ...args)`, and `_call`; optionally `_update` (new state) and
 * `_callAndUpdateBatched` (its own behaviour under `vmap`, e.g. batch statistics). Layers are made
 * from templates (`nn.Dense(10).init(key, spec)`); `callAndUpdate` binds the `layer_cau`
 * primitive, through which keyword arguments and `vmap` reach the layer.
 *
 * @example
 * ```ts
 * class Scale extends nn.Layer<{ w: ax.Array }> {
 *   static initialize(key: ax.Array, inSpec: ax.ShapeDtype) {
 *     return nn.layerParams({ params: { w: ax.random.normal(key, inSpec.shape) } });
 *   }
 *   static spec(inSpec: ax.ShapeDtype) { return inSpec; }
 *   protected _call(x: ax.Array) { return x.mul(this.params.w); }
 * }
 * const layer = new nn.Template(Scale, []).init(ax.random.key(0), ax.ones([3]));
 * layer.call(ax.ones([3]));
 * ```
 */
export abstract class Layer<P = unknown, S = unknown, I = unknown> extends ax.state.Module {
  /** The keyword arguments `_call` takes (Oryx reads them off the signature). */
  static readonly callKwargs: AcceptedKwargs = [];
  /** The keyword arguments `_update` takes. */
  static readonly updateKwargs: AcceptedKwargs = [];

  readonly params: P;
  readonly state: S;
  readonly info: I;

  constructor(layerParams: LayerParams<P, S, I>, name?: string) {
    super(name);
    this.params = layerParams.params;
    this.state = layerParams.state;
    this.info = layerParams.info;
  }

  override get arity(): number {
    return 1;
  }

  override variables(): { params: P; state: S } {
    return { params: this.params, state: this.state };
  }

  /** A copy of this layer with some of its parts replaced. */
  replace(parts: Partial<LayerParams<P, S, I>>): this {
    const cls = this.constructor as new (lp: LayerParams<P, S, I>, name?: string) => this;
    return new cls(
      {
        params: parts.params ?? this.params,
        state: parts.state ?? this.state,
        info: parts.info ?? this.info,
      },
      this.name,
    );
  }

  /**
   * The output on `x` and this layer with its updated state. `rng` (split per child by `Serial`)
   * and the other keyword arguments reach `_call` and `_update` if they accept them.
   */
  override callAndUpdate(x: unknown, kwargs: LayerKwargs = {}): [ax.Array, this] {
    return bindLayerCau(this, x, kwargs) as [ax.Array, this];
  }

  override call(x: unknown, kwargs: LayerKwargs = {}): ax.Array {
    return super.call(x, kwargs) as ax.Array;
  }

  override update(x: unknown, kwargs: LayerKwargs = {}): this {
    return super.update(x, kwargs);
  }

  override run(x: unknown, kwargs: LayerKwargs = {}): ax.Array {
    return super.run(x, kwargs) as ax.Array;
  }

  override callAndUpdateWith(args: readonly unknown[], kwargs: ax.state.Kwargs): [unknown, this] {
    return this.callAndUpdate(args[0], kwargs);
  }

  /** The forward pass. */
  protected abstract _call(x: unknown, kwargs: LayerKwargs): unknown;

  /** The layer with its state updated by a call on `x`; by default unchanged. */
  protected _update(_x: unknown, _kwargs: LayerKwargs): this {
    return this;
  }

  /**
   * This layer with its `state` stop-gradiented: what every one of its methods runs on, so the
   * state gets a zero gradient.
   *
   * @internal
   */
  withStateStopped(): this {
    return this.replace({ state: ax.tree.map((s) => ax.lax.stopGradient(s as ax.Array), this.state) });
  }

  /**
   * Runs `_call` and `_update` with the keyword arguments each accepts, on a copy whose `state` is
   * stop-gradiented. Combinators override it to run their children once for both.
   *
   * @internal
   */
  _callAndUpdate(x: unknown, kwargs: LayerKwargs): [unknown, this] {
    const cls = this.constructor as typeof Layer;
    const layer = this.withStateStopped();
    return [
      layer._call(x, filterKwargs(kwargs, cls.callKwargs)),
      layer._update(x, filterKwargs(kwargs, cls.updateKwargs)),
    ];
  }

  /**
   * Optional: the layer's behaviour on a whole batch (leading axis of `x`), used when it is called
   * under `vmap` with unbatched parameters; returns the batched output and the unbatched updated
   * layer. It receives the keyword arguments `_call` and `_update` accept.
   */
  _callAndUpdateBatched?(x: unknown, kwargs: LayerKwargs): [unknown, this];

  override flatten(): [unknown[], LayerData] {
    return [[this.params, this.state], { info: this.info, name: this.name }];
  }

  static unflatten<L extends Layer>(
    this: new (lp: LayerParams, name?: string) => L,
    data: LayerData,
    children: unknown[],
  ): L {
    return new this({ params: children[0], state: children[1], info: data.info }, data.name);
  }

  override toString(): string {
    return `${this.constructor.name}()`;
  }
}
