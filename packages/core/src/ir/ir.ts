import type { Array } from '../array.js';
import type { ShapeDtype } from '../aval.js';
import type { Primitive } from '../primitive.js';
import { TreeDef } from '../tree/pytree.js';

/** A value of a staged program: named by the program, typed by its abstract value. */
export class Var {
  constructor(readonly aval: ShapeDtype) {}
}

/** One primitive application: `outputs = primitive[params](inputs)`. */
export interface Equation {
  readonly primitive: Primitive<unknown>;
  readonly params: unknown;
  readonly inputs: readonly Var[];
  readonly outputs: readonly Var[];
}

/**
 * A staged program, the analogue of JAX's closed Jaxpr: typed inputs, the constants it captured
 * (with their values), equations in order, and outputs. Made by `makeIR`, run by `evalIR`, and
 * what `jit` caches.
 *
 * @example
 * ```ts
 * const ir = ax.makeIR((x: ax.Array) => ax.sin(x).mul(2))(ax.ones([3]));
 * console.log(ir.toString());
 * // { lambda a:f32[]; b:f32[3]. let
 * //     c:f32[3] = sin b
 * //     d:f32[3] = broadcastInDim[shape=[3] broadcastDimensions=[]] a
 * //     e:f32[3] = mul c d
 * //   in (e) }
 * ```
 */
export class IR {
  constructor(
    readonly inVars: readonly Var[],
    readonly constVars: readonly Var[],
    readonly consts: readonly Array[],
    readonly eqns: readonly Equation[],
    readonly outVars: readonly Var[],
  ) {}

  get inAvals(): ShapeDtype[] {
    return this.inVars.map((v) => v.aval);
  }

  get outAvals(): ShapeDtype[] {
    return this.outVars.map((v) => v.aval);
  }

  toString(): string {
    return new Printer().program(this, '');
  }
}

function varName(n: number): string {
  let name = '';
  do {
    name = String.fromCharCode(97 + (n % 26)) + name;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return name;
}

function formatParam(value: unknown, printer: Printer, indent: string): string {
  if (value instanceof IR) return printer.program(value, `${indent}    `);
  if (value instanceof TreeDef) return value.toString();
  if (typeof value === 'function') return value.name || 'fn';
  if (globalThis.Array.isArray(value))
    return `[${value.map((v) => formatParam(v, printer, indent)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${k}=${formatParam(v, printer, indent)}`);
    return `{${entries.join(' ')}}`;
  }
  return String(value);
}

/** Names variables in order of appearance (`a`, `b`, ..., `aa`), shared by nested programs. */
class Printer {
  readonly #names = new Map<Var, string>();

  name(v: Var): string {
    let n = this.#names.get(v);
    if (n === undefined) {
      n = varName(this.#names.size);
      this.#names.set(v, n);
    }
    return n;
  }

  typed(v: Var): string {
    return `${this.name(v)}:${v.aval.toString()}`;
  }

  program(ir: IR, indent: string): string {
    const consts = ir.constVars.map((v) => this.typed(v)).join(' ');
    const ins = ir.inVars.map((v) => this.typed(v)).join(' ');
    const lines = [`{ lambda ${consts}; ${ins}. let`];
    for (const eqn of ir.eqns) {
      const outs = eqn.outputs.map((v) => this.typed(v)).join(' ');
      const entries = Object.entries(eqn.params as object);
      const params = entries.length
        ? `[${entries.map(([k, v]) => `${k}=${formatParam(v, this, indent)}`).join(' ')}]`
        : '';
      const args = eqn.inputs.map((v) => this.name(v)).join(' ');
      lines.push(`${indent}    ${outs} = ${eqn.primitive.name}${params} ${args}`);
    }
    lines.push(`${indent}  in (${ir.outVars.map((v) => this.name(v)).join(', ')}) }`);
    return lines.join('\n');
  }
}
