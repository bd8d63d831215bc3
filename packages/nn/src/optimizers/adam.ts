import * as ax from '@addax/core';
import { checkRange } from './checks.js';
import {
  makeOptimizer,
  type LearningRate,
  type Optimizer,
  type OptimizerState,
  type UpdateRule,
} from './optimizer.js';

/** Options of {@link adam}. */
export interface AdamOptions {
  /** Decay of the first moment (the mean of the gradients); default 0.9. */
  readonly b1?: number;
  /** Decay of the second moment (the mean of their squares); default 0.999. */
  readonly b2?: number;
  /** Added to the root of the second moment, keeping the step finite; default 1e-8. */
  readonly eps?: number;
}

/** Options of {@link adamw}. */
export interface AdamWOptions extends AdamOptions {
  /** The rate of decoupled weight decay, multiplied by the learning rate; default 1e-4. */
  readonly weightDecay?: number;
}

/** The state of {@link adam} and {@link adamw}: the count and the two moments. */
export interface AdamState extends OptimizerState {
  readonly mu: unknown;
  readonly nu: unknown;
}

/**
 * optax's `scale_by_adam` on one leaf: the moments' moving averages, bias-corrected by
 * `1 - b^count`, give `muHat / (sqrt(nuHat) + eps)`; `decay` (adamw's weight decay) adds
 * `decay * param`, as optax's `add_decayed_weights`.
 */
function adamRule(where: string, options: AdamWOptions, decay: number | undefined): UpdateRule {
  const { b1 = 0.9, b2 = 0.999, eps = 1e-8 } = options;
  checkRange(where, 'b1', b1, 0, 1);
  checkRange(where, 'b2', b2, 0, 1);
  checkRange(where, 'eps', eps, 0, Infinity);
  return {
    slots: ['mu', 'nu'],
    needsParams: decay !== undefined,
    step: (count) => {
      const t = count.astype('float32');
      const correction1 = ax.subtract(1, ax.power(b1, t));
      const correction2 = ax.subtract(1, ax.power(b2, t));
      return (grad, [mu, nu], param) => {
        const m = ax.add(ax.multiply(grad, 1 - b1), ax.multiply(mu!, b1));
        const v = ax.add(ax.multiply(ax.square(grad), 1 - b2), ax.multiply(nu!, b2));
        const mHat = ax.divide(m, correction1);
        const vHat = ax.divide(v, correction2);
        const direction = ax.divide(mHat, ax.add(ax.sqrt(vHat), eps));
        const decayed = decay === undefined ? direction : ax.add(direction, ax.multiply(param!, decay));
        return [decayed, [m, v]];
      };
    },
  };
}

/**
 * Adam (optax's `adam`: `scale_by_adam` then `-learningRate`): per parameter,
 * `mu = b1 mu + (1 - b1) g`, `nu = b2 nu + (1 - b2) g^2`, and
 * `updates = -learningRate * (mu / (1 - b1^t)) / (sqrt(nu / (1 - b2^t)) + eps)` at step `t = 1, 2, ...`.
 *
 * @example
 * ```ts
 * const opt = nn.adam(1e-3);
 * let state = opt.init(params);
 * let updates;
 * [updates, state] = opt.update(ax.grad(loss)(params), state, params);
 * params = nn.applyUpdates(params, updates);
 * ```
 */
export function adam(learningRate: LearningRate, options: AdamOptions = {}): Optimizer<AdamState> {
  return makeOptimizer<AdamState>('adam', learningRate, adamRule('adam', options, undefined));
}

/**
 * AdamW, Adam with decoupled weight decay (optax's `adamw`): the Adam direction plus
 * `weightDecay * params`, scaled by `-learningRate`. `update` needs the parameters.
 *
 * @example
 * ```ts
 * const opt = nn.adamw(1e-3, { weightDecay: 1e-2 });
 * const [updates, state] = opt.update(grads, opt.init(params), params);
 * ```
 */
export function adamw(learningRate: LearningRate, options: AdamWOptions = {}): Optimizer<AdamState> {
  const weightDecay = options.weightDecay ?? 1e-4;
  checkRange('adamw', 'weightDecay', weightDecay, -Infinity, Infinity);
  return makeOptimizer<AdamState>('adamw', learningRate, adamRule('adamw', options, weightDecay));
}
