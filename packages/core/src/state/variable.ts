import { sow, type SowMode } from '../harvest/sow.js';

/** The harvest tag of the values a stateful function declares as its state. */
export const VARIABLE = 'variable';
/** The harvest tag of the new values a stateful function gives its state. */
export const ASSIGN = 'assign';

/** Options of {@link variable} and {@link assign}. */
export interface VariableOptions {
  /** The variable's name: its key in the module's `variables()`. */
  readonly name: string;
  /** How a repeated name is treated (see {@link sow}); `variable` defaults to `strict`, `assign` to `clobber`. */
  readonly mode?: SowMode;
}

/**
 * Declares `value` (an array or a pytree, e.g. a module) as state of the enclosing stateful
 * function (Oryx's `variable`): `init` collects it into the module it makes, and the module's call
 * plants the stored value in its place. Outside `init` it returns `value`.
 *
 * @example
 * ```ts
 * const f = (x: ax.Array, { initKey }: { initKey: ax.Array }) =>
 *   x.mul(ax.state.variable(ax.random.normal(initKey, x.shape), { name: 'w' }));
 * ax.state.init(f)(ax.random.key(0), ax.ones([3])).variables(); // { w: f32[3] }
 * ```
 */
export function variable<T>(value: T, { name, mode = 'strict' }: VariableOptions): T {
  return sow(value, { tag: VARIABLE, name, mode });
}

/**
 * Gives the variable `name` a new value (Oryx's `assign`): a module's `callAndUpdate` returns the
 * module with the assigned values; the name must have been declared with {@link variable}.
 *
 * @example
 * ```ts
 * const counter = (x: ax.Array, { initKey: _ }: { initKey: ax.Array }) => {
 *   const n = ax.state.variable(ax.scalar(0), { name: 'n' });
 *   ax.state.assign(n.add(1), { name: 'n' });
 *   return x;
 * };
 * const m = ax.state.init(counter)(ax.random.key(0), ax.ones([2]));
 * m.update(ax.ones([2])).variables(); // { n: 1 }
 * ```
 */
export function assign<T>(value: T, { name, mode = 'clobber' }: VariableOptions): T {
  return sow(value, { tag: ASSIGN, name, mode });
}
