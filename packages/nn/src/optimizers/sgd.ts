import * as ax from '@addax/core';
import { checkRange } from './checks.js';
import { makeOptimizer, type LearningRate, type Optimizer, type OptimizerState } from './optimizer.js';

/**
 * Stochastic gradient descent: `updates = -learningRate * grads` (optax's `sgd` without momentum).
 * The state holds only the step count, which a schedule reads.
 *
 * @example
 * ```ts
 * const opt = nn.sgd(0.1);
 * const [updates, state] = opt.update(grads, opt.init(params));
 * params = nn.applyUpdates(params, updates);
 * ```
 */
export function sgd(learningRate: LearningRate): Optimizer {
  return makeOptimizer('sgd', learningRate, {
    slots: [],
    needsParams: false,
    step: () => (grad) => [grad, []],
  });
}

/** Options of {@link momentum}. */
export interface MomentumOptions {
  /** Nesterov's variant: step along `grad + beta * trace` instead of `trace`; default false. */
  readonly nesterov?: boolean;
}

/** The state of {@link momentum}: the count and the trace of past gradients. */
export interface MomentumState extends OptimizerState {
  readonly trace: unknown;
}

/**
 * SGD with momentum (optax's `sgd(learningRate, momentum=beta, nesterov)`, built on `trace`): the
 * trace accumulates `trace = grad + beta * trace`, and `updates = -learningRate * trace`, or with
 * `nesterov`, `-learningRate * (grad + beta * trace)` with the new trace.
 *
 * @example
 * ```ts
 * const opt = nn.momentum(0.01, 0.9, { nesterov: true });
 * let state = opt.init(params);
 * ```
 */
export function momentum(
  learningRate: LearningRate,
  beta = 0.9,
  options: MomentumOptions = {},
): Optimizer<MomentumState> {
  checkRange('momentum', 'beta', beta, 0, 1);
  const nesterov = options.nesterov ?? false;
  return makeOptimizer<MomentumState>('momentum', learningRate, {
    slots: ['trace'],
    needsParams: false,
    step:
      () =>
      (grad, [trace]) => {
        const next = ax.add(grad, ax.multiply(trace!, beta));
        return [nesterov ? ax.add(grad, ax.multiply(next, beta)) : next, [next]];
      },
  });
}
