import * as ax from '@addax/core';
import { flattenArrays } from '../array-leaves.js';
import { checkRange, leavesLike } from './checks.js';

/**
 * A learning rate that changes with the step: called with the step count (an int32 scalar, 0 on
 * the first update, traced under `jit`), it returns the rate (optax's `Schedule`).
 *
 * @example
 * ```ts
 * const decay: Schedule = (step) => ax.multiply(1e-2, ax.power(0.99, step.astype('float32')));
 * const opt = nn.adam(decay);
 * ```
 */
export type Schedule = (step: ax.Array) => ax.ArrayLike;

/** A constant learning rate or a {@link Schedule}. */
export type LearningRate = number | Schedule;

/** What every optimizer state holds: the number of updates made, an int32 scalar. */
export interface OptimizerState {
  readonly count: ax.Array;
}

/**
 * An optimizer as optax's `GradientTransformation`: pure functions on pytrees. `init` makes the
 * state for some parameters, a pytree of arrays (so it passes through `jit`, `vmap` and `grad`);
 * `update` turns gradients into updates (to add to the parameters with `applyUpdates`) and returns
 * the next state. Parameters can be any pytree: objects, lists, registered classes such as Layers.
 *
 * @example
 * ```ts
 * const opt = nn.adam(1e-3);
 * let state = opt.init(params);
 * const grads = ax.grad(loss)(params);
 * const [updates, next] = opt.update(grads, state, params);
 * params = nn.applyUpdates(params, updates);
 * state = next;
 * ```
 */
export interface Optimizer<S extends OptimizerState = OptimizerState> {
  /** The initial state for `params`: the count at 0 and zeroed accumulators shaped like `params`. */
  init(params: unknown): S;
  /**
   * The updates for `grads` (a pytree of the parameters' structure and shapes) and the next state.
   * `params` is needed by optimizers that decay weights, and checked against `grads` when given.
   */
  update<P>(grads: P, state: S, params?: P): [updates: P, state: S];
}

/**
 * The per-leaf arithmetic of an optimizer, before scaling by the learning rate. `slots` name the
 * accumulators the state keeps per parameter (each a pytree shaped like the parameters).
 */
export interface UpdateRule {
  readonly slots: readonly string[];
  /** Whether `update` needs the parameters (weight decay). */
  readonly needsParams: boolean;
  /**
   * The leaf update of the step numbered `count` (already incremented: 1 on the first update): from
   * a gradient, that leaf's accumulators and (when `needsParams`) its parameter, the direction to
   * scale by `-learningRate` and the new accumulators.
   */
  step(
    count: ax.Array,
  ): (grad: ax.Array, slots: readonly ax.Array[], param: ax.Array | undefined) => [ax.Array, ax.Array[]];
}

const INT32_MAX = 2 ** 31 - 1;

/** `count + 1`, staying at the int32 maximum instead of wrapping (optax's `safe_increment`). */
function safeIncrement(count: ax.Array): ax.Array {
  return ax.where(ax.less(count, INT32_MAX), ax.add(count, 1), INT32_MAX);
}

function checkLearningRate(where: string, learningRate: LearningRate): void {
  if (typeof learningRate !== 'function') {
    checkRange(where, 'learningRate', learningRate, -Infinity, Infinity);
  }
}

/** The learning rate at the step counted by `count`, checked to be a float scalar. */
function rateAt(where: string, learningRate: LearningRate, count: ax.Array): ax.ArrayLike {
  if (typeof learningRate === 'number') return learningRate;
  const rate = learningRate(count);
  if (rate instanceof ax.Array && (rate.ndim !== 0 || rate.dtype !== 'float32')) {
    const ErrorClass = rate.ndim !== 0 ? ax.ShapeError : ax.DTypeError;
    throw new ErrorClass(
      `${where}: the learning-rate schedule must return a float32 scalar, got ${rate.aval.describe()}`,
    );
  }
  return rate;
}

function checkState(
  where: string,
  state: unknown,
  slots: readonly string[],
): asserts state is OptimizerState {
  const record = state as Record<string, unknown> | null;
  const missing = ['count', ...slots].filter(
    (k) => record === null || typeof record !== 'object' || !(k in record),
  );
  if (missing.length > 0) {
    throw new ax.ParameterError(
      `${where}: state is missing ${missing.join(', ')}; pass the state made by this optimizer's init`,
    );
  }
  const count = record!['count'];
  if (!(count instanceof ax.Array) || count.dtype !== 'int32' || count.ndim !== 0) {
    const got = count instanceof ax.Array ? count.aval.describe() : typeof count;
    throw new ax.DTypeError(`${where}: state.count must be an int32 scalar, got ${got}`);
  }
}

/**
 * Builds an {@link Optimizer} from its name, learning rate and per-leaf rule: the state is the
 * count plus one pytree per slot, and every update checks the trees' structures and shapes, steps
 * each leaf and scales the result by `-learningRate(count)`.
 */
export function makeOptimizer<S extends OptimizerState>(
  name: string,
  learningRate: LearningRate,
  rule: UpdateRule,
): Optimizer<S> {
  checkLearningRate(name, learningRate);
  const init = (params: unknown): S => {
    const [leaves, def] = flattenArrays(`${name}.init`, 'params', params);
    const state: Record<string, unknown> = { count: ax.zeros([], 'int32') };
    for (const slot of rule.slots) {
      state[slot] = ax.tree.unflatten(
        def,
        leaves.map((p) => ax.zerosLike(p)),
      );
    }
    return state as unknown as S;
  };
  const update = <P>(grads: P, state: S, params?: P): [P, S] => {
    const where = `${name}.update`;
    const [g, def] = flattenArrays(where, 'grads', grads);
    checkState(where, state, rule.slots);
    const p = params === undefined ? undefined : leavesLike(where, 'params', params, 'grads', def, g);
    if (rule.needsParams && p === undefined) {
      throw new ax.ParameterError(`${where}: pass params, the third argument: ${name} decays the weights`);
    }
    const slots = rule.slots.map((slot) =>
      leavesLike(
        where,
        `state.${slot}`,
        (state as unknown as Record<string, unknown>)[slot],
        'grads',
        def,
        g,
      ),
    );
    return ax.tidy(() => {
      const count = safeIncrement(state.count);
      const leafStep = rule.step(count);
      const scale = ax.negative(rateAt(where, learningRate, state.count));
      const steps = g.map((grad, i) =>
        leafStep(
          grad,
          slots.map((s) => s[i]!),
          p?.[i],
        ),
      );
      const next: Record<string, unknown> = { count };
      rule.slots.forEach((slot, k) => {
        next[slot] = ax.tree.unflatten(
          def,
          steps.map(([, s]) => s[k]),
        );
      });
      const updates = ax.tree.unflatten<P>(
        def,
        steps.map(([u]) => ax.multiply(u, scale)),
      );
      return [updates, next as unknown as S];
    });
  };
  return { init, update };
}
