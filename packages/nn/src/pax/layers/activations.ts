import * as ax from '@addax/core';
import { BaseLayer } from '../base-layer.js';
import { floatInput } from './checks.js';

/**
 * An elementwise activation without variables (Praxis's `BaseActivation`): a subclass gives
 * `activate`; `call` checks the input and applies it.
 *
 * @example
 * ```ts
 * class Square extends nn.pax.BaseActivation {
 *   protected activate(x: ax.Array) { return x.mul(x); }
 * }
 * const sq = Square.config().instantiate();
 * sq.apply(sq.init(ax.random.key(0), ax.ones([2])), ax.array([2, 3])); // [4, 9]
 * ```
 */
export abstract class BaseActivation<H extends object = Record<never, never>> extends BaseLayer<H, never> {
  /** The function, elementwise on a float32 array. */
  protected abstract activate(x: ax.Array): ax.Array;

  call(inputs: ax.Array): ax.Array {
    return this.activate(floatInput(this, inputs));
  }
}

/**
 * `max(x, 0)`.
 *
 * @example
 * ```ts
 * const relu = nn.pax.ReLU.config().instantiate();
 * relu.apply({}, ax.array([-1, 2])); // [0, 2]
 * ```
 */
export class ReLU extends BaseActivation {
  protected activate(x: ax.Array): ax.Array {
    return ax.relu(x);
  }
}

/**
 * `tanh(x)`.
 *
 * @example
 * ```ts
 * nn.pax.Tanh.config().instantiate().apply({}, ax.array([0])); // [0]
 * ```
 */
export class Tanh extends BaseActivation {
  protected activate(x: ax.Array): ax.Array {
    return ax.tanh(x);
  }
}

/**
 * `1 / (1 + exp(-x))`.
 *
 * @example
 * ```ts
 * nn.pax.Sigmoid.config().instantiate().apply({}, ax.array([0])); // [0.5]
 * ```
 */
export class Sigmoid extends BaseActivation {
  protected activate(x: ax.Array): ax.Array {
    return ax.sigmoid(x);
  }
}

/** Hyperparameters of {@link GELU}. */
export interface GELUHParams {
  /** The tanh approximation (Praxis's default) rather than the exact erf form. */
  readonly approximate: boolean;
}

/**
 * The Gaussian error linear unit `x * Φ(x)`, by default in its tanh approximation (as Praxis).
 *
 * @example
 * ```ts
 * const exact = nn.pax.GELU.config({ approximate: false }).instantiate();
 * exact.apply({}, ax.array([1])); // [0.8413447]
 * ```
 */
export class GELU extends BaseActivation<GELUHParams> {
  static override readonly defaults = { approximate: true } satisfies Partial<GELUHParams>;

  protected activate(x: ax.Array): ax.Array {
    return ax.gelu(x, this.hp.approximate);
  }
}

/**
 * `x * sigmoid(x)` (also called swish).
 *
 * @example
 * ```ts
 * nn.pax.SiLU.config().instantiate().apply({}, ax.array([0])); // [0]
 * ```
 */
export class SiLU extends BaseActivation {
  protected activate(x: ax.Array): ax.Array {
    return ax.silu(x);
  }
}

/**
 * The input unchanged: the "no activation" choice of an `activationTpl`.
 *
 * @example
 * ```ts
 * const ff = nn.pax.FeedForward.config({ inputDims: 4, outputDims: 2, activationTpl: nn.pax.Identity.config() });
 * ```
 */
export class Identity extends BaseActivation {
  protected activate(x: ax.Array): ax.Array {
    return x;
  }
}
