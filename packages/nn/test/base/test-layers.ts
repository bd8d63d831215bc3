import * as ax from '@addax/core';
import * as nn from '@addax/nn';

/** `x @ w + b` to `dimOut` features, w drawn from the init key, b zeros. */
export class AffineLayer extends nn.Layer<{ w: ax.Array; b: ax.Array }, nn.Empty, nn.Empty> {
  static initialize(key: ax.Array, inSpec: ax.ShapeDtype, dimOut: number) {
    return nn.layerParams({
      params: { w: ax.random.normal(key, [inSpec.shape[0]!, dimOut]), b: ax.zeros([dimOut]) },
    });
  }

  static spec(inSpec: ax.ShapeDtype, dimOut: number): ax.ShapeDtype {
    return new ax.ShapeDtype([dimOut], inSpec.dtype);
  }

  protected override _call(x: ax.Array): ax.Array {
    return ax.matmul(x, this.params.w).add(this.params.b);
  }
}
export const Affine = nn.layerFactory(AffineLayer);

/** `tanh(x)`: no parameters. */
export class SquashLayer extends nn.Layer<nn.Empty, nn.Empty, nn.Empty> {
  static initialize() {
    return nn.layerParams();
  }

  static spec(inSpec: ax.ShapeDtype): ax.ShapeDtype {
    return inSpec;
  }

  protected override _call(x: ax.Array): ax.Array {
    return ax.tanh(x);
  }
}
export const Squash = nn.layerFactory(SquashLayer);

/**
 * `x * scale`, where `scale` is state (not a parameter) set to `x` by every update: it must get a
 * zero gradient, and under vmap each example's update comes back batched.
 */
export class ScaleStateLayer extends nn.Layer<nn.Empty, { scale: ax.Array }, nn.Empty> {
  static initialize(_key: ax.Array, inSpec: ax.ShapeDtype) {
    return nn.layerParams({ state: { scale: ax.full(inSpec.shape, 2) } });
  }

  static spec(inSpec: ax.ShapeDtype): ax.ShapeDtype {
    return inSpec;
  }

  protected override _call(x: ax.Array): ax.Array {
    return x.mul(this.state.scale);
  }

  protected override _update(x: ax.Array): this {
    return this.replace({ state: { scale: x } });
  }
}
export const ScaleState = nn.layerFactory(ScaleStateLayer);

/** The identity, whose update keeps the rng it was given: the key a combinator passed it. */
export class KeyTapLayer extends nn.Layer<nn.Empty, { key: ax.Array }, nn.Empty> {
  static override readonly updateKwargs = ['rng'] as const;

  static initialize() {
    return nn.layerParams({ state: { key: ax.zeros([2], 'uint32') } });
  }

  static spec(inSpec: ax.ShapeDtype): ax.ShapeDtype {
    return inSpec;
  }

  protected override _call(x: ax.Array): ax.Array {
    return x;
  }

  protected override _update(_x: ax.Array, { rng }: nn.LayerKwargs): this {
    if (rng === undefined) throw new ax.ParameterError('KeyTap: needs an rng');
    return this.replace({ state: { key: rng } });
  }
}
export const KeyTap = nn.layerFactory(KeyTapLayer);

/** Adds uniform noise from `rng` when training (the default), else the identity: Dropout's shape of kwargs. */
export class NoiseLayer extends nn.Layer<nn.Empty, nn.Empty, nn.Empty> {
  static override readonly callKwargs = ['training', 'rng'] as const;

  static initialize() {
    return nn.layerParams();
  }

  static spec(inSpec: ax.ShapeDtype): ax.ShapeDtype {
    return inSpec;
  }

  protected override _call(x: ax.Array, { training = true, rng }: nn.LayerKwargs): ax.Array {
    if (!training) return x;
    if (rng === undefined) throw new ax.ParameterError('Noise: training needs an rng');
    return x.add(ax.random.uniform(rng, x.shape));
  }
}
export const Noise = nn.layerFactory(NoiseLayer);

/** The keyword arguments each method of a {@link SpyLayer} received, in call order. */
export const spied: { call: nn.LayerKwargs[]; update: nn.LayerKwargs[]; batched: nn.LayerKwargs[] } = {
  call: [],
  update: [],
  batched: [],
};

/** Clears {@link spied}. */
export function resetSpy(): void {
  spied.call.length = 0;
  spied.update.length = 0;
  spied.batched.length = 0;
}

/**
 * Centres on a running mean: one example's call is the identity; on a whole batch (under vmap,
 * `_callAndUpdateBatched`) it subtracts the batch mean and keeps it as state. Records the kwargs
 * of every call in {@link spied}, so tests can count calls and see what arrived.
 */
export class SpyLayer extends nn.Layer<nn.Empty, { mean: ax.Array }, nn.Empty> {
  static override readonly callKwargs: nn.AcceptedKwargs = ['training'];
  static override readonly updateKwargs = ['rng'] as const;

  static initialize(_key: ax.Array, inSpec: ax.ShapeDtype) {
    return nn.layerParams({ state: { mean: ax.zeros(inSpec.shape) } });
  }

  static spec(inSpec: ax.ShapeDtype): ax.ShapeDtype {
    return inSpec;
  }

  protected override _call(x: ax.Array, kwargs: nn.LayerKwargs): ax.Array {
    spied.call.push(kwargs);
    return x;
  }

  protected override _update(_x: ax.Array, kwargs: nn.LayerKwargs): this {
    spied.update.push(kwargs);
    return this;
  }

  override _callAndUpdateBatched(x: ax.Array, kwargs: nn.LayerKwargs): [ax.Array, this] {
    spied.batched.push(kwargs);
    const mean = ax.mean(x, 0);
    return [x.sub(mean), this.replace({ state: { mean } })];
  }
}
export const Spy = nn.layerFactory(SpyLayer);
