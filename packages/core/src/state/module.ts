import { tidy } from '../eager.js';
import { AddaxError } from '../errors.js';
import { registerPytree, TreeDef } from '../tree/pytree.js';
import { splitKwargs, type Kwargs } from './kwargs.js';
import { assign } from './variable.js';

/** What a {@link Module} subclass provides to be rebuilt from its pytree children. */
export interface ModuleClass {
  readonly name: string;
  /** Rebuilds a module from the static data and the children its `flatten` returned. */
  unflatten(data: unknown, children: unknown[]): Module;
  /** Whether two modules' static data describe the same structure; default: structural equality. */
  sameData?(a: unknown, b: unknown): boolean;
}

/**
 * A parameterised function together with its state (Oryx's `Module`). As a container it holds
 * `variables()` and is a pytree, so `ax.grad(loss)(module)` returns a module-shaped gradient; as a
 * function it has `call`, `update` and `callAndUpdate`, and `run` calls it inside another stateful
 * function so that its updated state becomes the outer function's.
 *
 * Arguments are positional, `arity` of them, optionally followed by one object of keyword
 * arguments (`training`, `rng`, ...) that reach the primitives with a kwarg rule.
 */
export abstract class Module {
  constructor(readonly name?: string) {}

  /** How many positional arguments a call takes (before the optional keyword object). */
  abstract get arity(): number;

  /** The state, by name. */
  abstract variables(): Record<string, unknown>;

  /** Runs the module on positional `args` with keyword arguments `kwargs`: the output, and the module with its updated state. */
  abstract callAndUpdateWith(args: readonly unknown[], kwargs: Kwargs): [unknown, Module];

  /** The pytree children (the arrays and modules of the state) and the static data. */
  abstract flatten(): [children: unknown[], data: unknown];

  /**
   * The output and the module with its updated state: `m.callAndUpdate(x)`, or with keyword
   * arguments `m.callAndUpdate(x, { training: false })`.
   */
  callAndUpdate(...values: unknown[]): [unknown, this] {
    const [args, kwargs] = splitKwargs(values, this.arity, this.describe());
    return this.callAndUpdateWith(args, kwargs) as [unknown, this];
  }

  /** The output of {@link callAndUpdate} (the updated state it made is freed). */
  call(...values: unknown[]): unknown {
    return tidy(() => this.callAndUpdate(...values)[0]);
  }

  /** The updated module of {@link callAndUpdate} (the output it made is freed). */
  update(...values: unknown[]): this {
    return tidy(() => this.callAndUpdate(...values)[1]);
  }

  /**
   * Calls the module as a function call inside another stateful function (Oryx's `__call__`): the
   * output is returned and the updated state is assigned to the enclosing function's state, as one
   * variable named `name` if the module has a name, else variable by variable.
   */
  run(...values: unknown[]): unknown {
    const [out, updated] = this.callAndUpdate(...values);
    if (this.name !== undefined) {
      // init declares a named module only if it has variables: one without has nothing to assign.
      if (Object.keys(updated.variables()).length > 0) assign(updated, { name: this.name });
    } else for (const [k, v] of Object.entries(updated.variables())) assign(v, { name: k });
    return out;
  }

  /** e.g. `FunctionModule[net]`. */
  describe(): string {
    return this.name === undefined ? this.constructor.name : `${this.constructor.name}[${this.name}]`;
  }

  toString(): string {
    return `${this.describe()}(${Object.keys(this.variables()).join(', ')})`;
  }
}

/** Structural equality of static data: plain values, arrays, plain objects and tree structures. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof TreeDef && b instanceof TreeDef) return a.equals(b);
  if (globalThis.Array.isArray(a) && globalThis.Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype)
    return false;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return sameData(ka, kb) && ka.every((k) => sameData(ra[k], rb[k]));
}

function classOf(m: Module): ModuleClass {
  const cls = m.constructor as unknown as Partial<ModuleClass>;
  if (typeof cls.unflatten !== 'function') {
    throw new AddaxError(
      `Module subclass ${m.constructor.name} must define a static unflatten(data, children)`,
    );
  }
  return cls as ModuleClass;
}

interface ModuleAux {
  readonly cls: ModuleClass;
  readonly data: unknown;
}

registerPytree<Module, ModuleAux>(
  Module,
  (m) => {
    const [children, data] = m.flatten();
    return [children, { cls: classOf(m), data }];
  },
  ({ cls, data }, children) => cls.unflatten(data, children),
  (a, b) => a.cls === b.cls && (a.cls.sameData ?? sameData)(a.data, b.data),
);
