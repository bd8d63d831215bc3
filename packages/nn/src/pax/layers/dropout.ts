import * as ax from '@addax/core';
import { BaseLayer } from '../base-layer.js';
import { floatInput } from './checks.js';

/** Hyperparameters of {@link Dropout}. */
export interface DropoutHParams {
  /** The probability of keeping an element, in (0, 1]; 1 (the default) makes the layer the identity. */
  readonly keepProb: number;
  /** The shape of the keep/drop mask, broadcast against the input; null: the input's. */
  readonly noiseShape: readonly number[] | null;
  /** Axes (negative from the end) where the mask has size 1, so one draw is shared along them. */
  readonly noiseShapeBroadcastDims: readonly number[] | null;
  /** Whether to drop at evaluation too (when `doEval`); default false. */
  readonly dropoutAtEval: boolean;
}

/**
 * Dropout (Praxis's `Dropout`): in training each element is kept with probability `keepProb` and
 * scaled by `1 / keepProb`, else zeroed; the identity when `keepProb` is 1 or the context
 * evaluates. The mask comes from `nextPrngKey()`, so `apply` needs `{ rngs: { random: key } }`.
 *
 * @example
 * ```ts
 * const drop = nn.pax.Dropout.config({ keepProb: 0.8, noiseShapeBroadcastDims: [-1] }).instantiate();
 * const x = ax.ones([4, 3]);
 * drop.apply({}, x, { rngs: { random: ax.random.key(1) } }); // each row all 0 or all 1.25
 * nn.withContext({ doEval: true }, () => drop.apply({}, x)); // x
 * ```
 */
export class Dropout extends BaseLayer<DropoutHParams> {
  static override readonly defaults = {
    keepProb: 1,
    noiseShape: null,
    noiseShapeBroadcastDims: null,
    dropoutAtEval: false,
  } satisfies Partial<DropoutHParams>;

  protected override setup(): void {
    const p = this.hp.keepProb;
    if (typeof p !== 'number' || !(p > 0 && p <= 1)) {
      throw new ax.ParameterError(
        `${String(this)}: keepProb is the probability of keeping an element and must be in (0, 1], got ${String(p)}`,
      );
    }
  }

  call(inputs: ax.Array): ax.Array {
    const x = floatInput(this, inputs);
    const { keepProb } = this.hp;
    if (keepProb === 1 || (this.doEval && !this.hp.dropoutAtEval)) return x;
    const uniform = ax.random.uniform(this.nextPrngKey(), this.noiseShape(x), { dtype: x.dtype });
    // Praxis's mask: floor(keepProb + u) is 1 with probability keepProb.
    const mask = ax.floor(uniform.add(keepProb));
    return x.mul(mask).div(keepProb);
  }

  /** The mask's shape: `noiseShape` or the input's, with size 1 on the broadcast dims. */
  private noiseShape(x: ax.Array): number[] {
    const shape = [...(this.hp.noiseShape ?? x.shape)];
    for (const dim of this.hp.noiseShapeBroadcastDims ?? []) {
      if (!Number.isInteger(dim) || dim >= shape.length || dim < -shape.length) {
        throw new ax.ParameterError(
          `${String(this)}: noiseShapeBroadcastDims has ${dim}, out of range for a noise shape [${shape.join(', ')}]`,
        );
      }
      shape[dim < 0 ? dim + shape.length : dim] = 1;
    }
    // The mask may broadcast to the input but not enlarge it.
    const offset = x.ndim - shape.length;
    if (offset < 0 || shape.some((d, i) => d !== 1 && d !== x.shape[offset + i])) {
      throw new ax.ShapeError(
        `${String(this)}: the noise shape [${shape.join(', ')}] does not broadcast to the input ${x.aval.describe()}`,
      );
    }
    return shape;
  }
}
