import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { AddaxError, ParameterError } from '../errors.js';
import { evalShape } from '../ir/make-ir.js';
import { initFunction, specFunction, type FunctionModule, type StatefulFunction } from './function-module.js';
import { splitKwargs, type Kwargs } from './kwargs.js';
import { Module } from './module.js';

/**
 * How `init`, `spec` and `callAndUpdate` treat one kind of object (Oryx registers these with
 * single dispatch). Functions and modules are built in; `nn` registers `Template`, and the fan-out
 * {@link Tuple} and composing lists are registered in `collections.ts`.
 */
export interface StatefulRules<T> {
  /** How many positional arguments a call takes, before the optional keyword object. */
  arity(obj: T, values: readonly unknown[]): number;
  init(obj: T, name: string | undefined, initKey: Array, args: readonly unknown[], kwargs: Kwargs): unknown;
  spec(obj: T, args: readonly unknown[], kwargs: Kwargs): unknown;
  callAndUpdate(obj: T, args: readonly unknown[], kwargs: Kwargs): [unknown, unknown];
}

type AnyClass = abstract new (...args: never[]) => unknown;
const registry = new Map<AnyClass, StatefulRules<never>>();

/** Makes `init`, `spec`, `callAndUpdate`, `call` and `update` accept instances of `cls`. */
export function defineStateful<T>(cls: abstract new (...args: never[]) => T, rules: StatefulRules<T>): void {
  if (registry.has(cls)) throw new AddaxError(`defineStateful: ${cls.name} already has stateful rules`);
  registry.set(cls, rules as StatefulRules<never>);
}

const functionRules: StatefulRules<StatefulFunction> = {
  // A function's positional arguments are all it is given: its keywords are `init`'s own.
  arity: (_, values) => values.length,
  init: (f, name, initKey, args) => initFunction(f, name, initKey, args),
  spec: (f, args) => specFunction(f, args),
  callAndUpdate: (f) => {
    throw new ParameterError(
      `callAndUpdate: ${f.name || 'a function'} is not initialised; call ax.state.init(f)(initKey, ...args) first`,
    );
  },
};

const moduleRules: StatefulRules<Module> = {
  arity: (m) => m.arity,
  init: (m) => {
    throw new ParameterError(`init: ${m.describe()} is already a module`);
  },
  spec: (m, args, kwargs) => evalShape((...xs: unknown[]) => m.callAndUpdateWith(xs, kwargs)[0])(...args),
  callAndUpdate: (m, args, kwargs) => m.callAndUpdateWith(args, kwargs),
};

/** The rules for `obj`: by its class (nearest registered ancestor), functions and modules built in. */
export function rulesOf(obj: unknown, where: string): StatefulRules<unknown> {
  if (typeof obj === 'function') return functionRules as StatefulRules<unknown>;
  if (obj instanceof Module) return moduleRules as StatefulRules<unknown>;
  for (let p: unknown = obj; p !== null && p !== undefined; p = Object.getPrototypeOf(p)) {
    const found = registry.get((p as { constructor: AnyClass }).constructor);
    if (found) return found as StatefulRules<unknown>;
  }
  const kind = obj === null ? 'null' : typeof obj === 'object' ? obj.constructor.name : typeof obj;
  throw new ParameterError(
    `${where}: not implemented for ${kind}; it takes functions, modules, templates, tuples and lists`,
  );
}

function split(obj: unknown, values: readonly unknown[], where: string): [unknown[], Kwargs] {
  return splitKwargs(values, rulesOf(obj, where).arity(obj, values), where);
}

/** `init` with the keyword arguments already split off, for containers initialising their elements. */
export function initWith(
  obj: unknown,
  name: string | undefined,
  initKey: Array,
  args: readonly unknown[],
  kwargs: Kwargs,
): unknown {
  return rulesOf(obj, 'init').init(obj, name, initKey, args, kwargs);
}

/** `spec` with the keyword arguments already split off. */
export function specWith(obj: unknown, args: readonly unknown[], kwargs: Kwargs): unknown {
  return rulesOf(obj, 'spec').spec(obj, args, kwargs);
}

/** `callAndUpdate` with the keyword arguments already split off. */
export function callAndUpdateWith(
  obj: unknown,
  args: readonly unknown[],
  kwargs: Kwargs,
): [unknown, unknown] {
  return rulesOf(obj, 'callAndUpdate').callAndUpdate(obj, args, kwargs);
}

/** Options of {@link init}. */
export interface InitOptions {
  /** Names the module: inside another stateful function it is then one variable of that name. */
  readonly name?: string;
}

/**
 * Turns `obj` into a function from an init key and example arguments to a {@link Module} (Oryx's
 * `init`). A function is stateful through the values it declares with `variable`: it is called
 * with its positional arguments and then `{ initKey }`. Templates initialise into layers, a
 * {@link Tuple} fans out (a split key per element, names `NAME_i`) and a list composes (each element
 * initialised on the previous one's output spec).
 *
 * @example
 * ```ts
 * const f = (x: ax.Array, { initKey }: ax.state.InitKwargs) =>
 *   ax.matmul(x, ax.state.variable(ax.random.normal(initKey, [3, 2]), { name: 'w' }));
 * const m = ax.state.init(f)(ax.random.key(0), ax.ones([3]));
 * m.call(ax.ones([3])); // f32[2]
 * ax.grad((m: ax.state.Module) => (m.call(ax.ones([3])) as ax.Array).sum())(m).variables().w; // f32[3,2]
 * ```
 */
export function init(
  obj: StatefulFunction,
  options?: InitOptions,
): (initKey: Array, ...args: unknown[]) => FunctionModule;
export function init(obj: unknown, options?: InitOptions): (initKey: Array, ...args: unknown[]) => unknown;
export function init(
  obj: unknown,
  { name }: InitOptions = {},
): (initKey: Array, ...args: unknown[]) => unknown {
  const where = name === undefined ? 'init' : `init '${name}'`;
  const rules = rulesOf(obj, where);
  return (initKey, ...values) => {
    if (initKey === undefined || initKey === null) {
      throw new ParameterError(`${where}: an init key is required, e.g. ax.random.key(0)`);
    }
    const [args, kwargs] = split(obj, values, where);
    return rules.init(obj, name, initKey, args, kwargs);
  };
}

/**
 * The shapes and dtypes `obj` returns for arguments of these shapes and dtypes (`ShapeDtype`s or
 * arrays), found without running a kernel (Oryx's `spec`).
 *
 * @example
 * ```ts
 * const f = (x: ax.Array) => ax.concatenate([x, x]);
 * ax.state.spec(f)(new ax.ShapeDtype([3], 'float32')); // ShapeDtype f32[6]
 * ```
 */
export function spec(obj: unknown): (...args: unknown[]) => unknown {
  const rules = rulesOf(obj, 'spec');
  return (...values) => {
    const [args, kwargs] = split(obj, values, 'spec');
    return rules.spec(obj, args, kwargs);
  };
}

/**
 * Runs a module (or a tuple or list of them, or a template) on `args`, with an optional trailing
 * object of keyword arguments: the output, and the object with its updated state.
 *
 * @example
 * ```ts
 * const [y, m2] = ax.state.callAndUpdate(m, ax.ones([3]));
 * ```
 */
export function callAndUpdate(obj: unknown, ...values: unknown[]): [unknown, unknown] {
  const [args, kwargs] = split(obj, values, 'callAndUpdate');
  return rulesOf(obj, 'callAndUpdate').callAndUpdate(obj, args, kwargs);
}

/** The output of {@link callAndUpdate}. */
export function call(obj: unknown, ...values: unknown[]): unknown {
  return callAndUpdate(obj, ...values)[0];
}

/** The updated object of {@link callAndUpdate}. */
export function update(obj: unknown, ...values: unknown[]): unknown {
  return callAndUpdate(obj, ...values)[1];
}

/** `x`'s shape and dtype, for arrays and specs alike; `where` names the caller in the error. */
export function specOf(x: unknown, where = 'spec'): ShapeDtype {
  if (x instanceof ShapeDtype) return x;
  const aval = (x as { aval?: unknown } | null)?.aval;
  if (aval instanceof ShapeDtype) return aval;
  throw new ParameterError(`${where}: the input must be an array or a ShapeDtype, got ${String(x)}`);
}
