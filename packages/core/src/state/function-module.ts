import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { dropDeadCode } from '../control/prune-ir.js';
import { ones } from '../creation.js';
import { tidy, type EagerArray } from '../eager.js';
import { AddaxError } from '../errors.js';
import { harvest } from '../harvest/harvest.js';
import { plant } from '../harvest/plant.js';
import { reap, type Reaped } from '../harvest/reap.js';
import { sowP } from '../harvest/sow.js';
import type { IR } from '../ir/ir.js';
import { evalShape, traceToIR } from '../ir/make-ir.js';
import { key } from '../random/key.js';
import { arrayLeaves } from '../tree/flat-fn.js';
import { map, unflatten, type TreeDef } from '../tree/pytree.js';
import { evalIRWithKwargs, type Kwargs } from './kwargs.js';
import { Module } from './module.js';
import { ASSIGN, variable, VARIABLE } from './variable.js';

/** The keyword arguments `init` passes to a stateful function, after its positional arguments. */
export interface InitKwargs {
  /** The key a stateful function draws its variables' initial values from. */
  readonly initKey: Array;
}

/** A function that `init` can make a module of: positional arguments, then `{ initKey }`. */
export type StatefulFunction = (...args: never[]) => unknown;

/** A staged call-and-update function: `(variables, ...args) -> [output, assigns]`. */
export class CauProgram {
  #text: string | undefined;

  constructor(
    readonly ir: IR,
    readonly inDef: TreeDef,
    readonly outDef: TreeDef,
    readonly arity: number,
  ) {}

  /** Programs staged twice from one function are one structure, so a module planted in place of its re-staged self fits. */
  sameAs(other: CauProgram): boolean {
    if (this === other) return true;
    this.#text ??= this.ir.toString();
    other.#text ??= other.ir.toString();
    return this.arity === other.arity && this.inDef.equals(other.inDef) && this.#text === other.#text;
  }
}

function checkAssigns(assigned: readonly string[], variables: Reaped, where: string): void {
  for (const name of assigned) {
    if (!(name in variables)) throw new AddaxError(`${where}: No variable declared for assign: ${name}`);
  }
}

interface FunctionModuleData {
  readonly keys: readonly string[];
  readonly program: CauProgram;
  readonly name: string | undefined;
}

/**
 * The module `init` makes of a function (Oryx's `FunctionModule`): its variables and the function's
 * call-and-update program, staged once; a call runs the program with the keyword arguments given.
 */
export class FunctionModule extends Module {
  readonly #variables: Reaped;

  constructor(
    variables: Reaped,
    readonly program: CauProgram,
    name?: string,
  ) {
    super(name);
    this.#variables = variables;
  }

  override get arity(): number {
    return this.program.arity;
  }

  override variables(): Reaped {
    return { ...this.#variables };
  }

  /** A copy with other variables (the same function). */
  replace(variables: Reaped): FunctionModule {
    return new FunctionModule(variables, this.program, this.name);
  }

  override callAndUpdateWith(args: readonly unknown[], kwargs: Kwargs): [unknown, FunctionModule] {
    const where = this.describe();
    const [leaves, def] = arrayLeaves([this.#variables, ...args], where);
    if (!def.equals(this.program.inDef)) {
      throw new AddaxError(
        `${where}: called with [variables, ...args] of structure ${def.toString()}, ` +
          `but it was initialised with ${this.program.inDef.toString()}`,
      );
    }
    const [out, assigns] = unflatten<[unknown, Reaped]>(
      this.program.outDef,
      evalIRWithKwargs(this.program.ir, leaves, kwargs),
    );
    return [out, this.replace({ ...this.#variables, ...assigns })];
  }

  override flatten(): [unknown[], FunctionModuleData] {
    const keys = Object.keys(this.#variables).sort();
    return [keys.map((k) => this.#variables[k]), { keys, program: this.program, name: this.name }];
  }

  static unflatten(data: FunctionModuleData, children: unknown[]): FunctionModule {
    return new FunctionModule(
      Object.fromEntries(data.keys.map((k, i) => [k, children[i]])),
      data.program,
      data.name,
    );
  }

  static sameData(a: FunctionModuleData, b: FunctionModuleData): boolean {
    return (
      a.name === b.name &&
      a.keys.length === b.keys.length &&
      a.keys.every((k, i) => k === b.keys[i]) &&
      a.program.sameAs(b.program)
    );
  }
}

/**
 * `init` of a function: reap its variables from a run with `initKey`, then stage its
 * call-and-update function (variables planted, assigns harvested) once.
 */
export function initFunction(
  f: StatefulFunction,
  name: string | undefined,
  initKey: Array,
  args: readonly unknown[],
): Module {
  const where = `init(${f.name || 'function'})`;
  const withKey = (k: Array, ...xs: unknown[]): unknown =>
    (f as (...a: unknown[]) => unknown)(...xs, { initKey: k });
  return tidy(() => {
    // As Oryx, a function may be initialised on specs: each stands in as an array of ones.
    const inputs = map((x) => (x instanceof ShapeDtype ? ones(x.shape, x.dtype) : x), [...args]);
    const [, variables] = reap(withKey, { tag: VARIABLE, exclusive: true })(initKey, ...inputs);
    // As Oryx: the call plants every variable, so the key only has to have a key's shape.
    const cau = (vars: Reaped, ...xs: unknown[]): [unknown, Reaped] =>
      harvest((...ys: unknown[]) => plant(withKey, { tag: VARIABLE })(vars, key(0), ...ys), { tag: ASSIGN })(
        {},
        ...xs,
      );
    const traced = traceToIR(cau as (...a: never[]) => unknown, [variables, ...inputs], where, 'caller');
    const { outDef } = traced;
    // The initialisers' work is dead once the variables are planted.
    const [ir, dead] = dropDeadCode(traced.ir, (eqn) => eqn.primitive === sowP);
    for (const x of dead) if (traced.owned.includes(x as EagerArray)) x.dispose();
    const [, assigns] = unflatten<[unknown, Reaped]>(outDef, ir.outAvals);
    checkAssigns(Object.keys(assigns), variables, where);
    const program = new CauProgram(ir, arrayLeaves([variables, ...inputs], where)[1], outDef, inputs.length);
    if (name === undefined) {
      const declared = Object.fromEntries(
        Object.entries(variables).map(([k, v]) => [k, variable(v, { name: k })]),
      );
      return new FunctionModule(declared, program);
    }
    const module = new FunctionModule(variables, program, name);
    return Object.keys(variables).length > 0 ? variable(module, { name }) : module;
  });
}

/** `spec` of a function: the shapes and dtypes of its output, with a placeholder `initKey`. */
export function specFunction(f: StatefulFunction, args: readonly unknown[]): unknown {
  const initKey = key(0);
  try {
    return evalShape((...xs: unknown[]) => (f as (...a: unknown[]) => unknown)(...xs, { initKey }))(...args);
  } finally {
    initKey.dispose();
  }
}
