import {
  allocTyped,
  type BroadcastInDimParams,
  type Equation,
  type FusedKernel,
  type FusionCompiler,
  type IotaParams,
  type IR,
  type TypedArray,
  type Var,
} from '@addax/core';
import { erf, erfInv } from '../kernels/special.js';
import { axesIndex, broadcastIndex } from './indexing.js';
import { expressionOf, stored } from './templates.js';

/** Primitives that read a fragment input at a position derived from `i`, or make values from `i`. */
const INDEXED = new Set(['broadcastInDim', 'reshape', 'iota']);

/** The source of one fragment's loop: statements before it, in it, and the outputs it writes. */
class LoopSource {
  readonly #names = new Map<Var, string>();
  readonly #inputs: ReadonlyMap<Var, number>;
  readonly before: string[] = [];
  readonly body: string[] = [];

  constructor(readonly fragment: IR) {
    this.#inputs = new Map(fragment.inVars.map((v, j) => [v, j]));
  }

  /** The local holding `v` at position `i`, loading a fragment input on first use. */
  value(v: Var): string {
    const known = this.#names.get(v);
    if (known !== undefined) return known;
    return this.#define(v, `in${this.#inputs.get(v)!}[i]`, this.body);
  }

  /** Defines `v` as `e` (a stored value, or an expression `stored` normalises). */
  #define(v: Var, e: string, into: string[]): string {
    const name = `v${this.#names.size}`;
    this.#names.set(v, name);
    into.push(`const ${name} = ${e};`);
    return name;
  }

  equation(eqn: Equation): void {
    const [x] = eqn.inputs;
    const [out] = eqn.outputs;
    const name = eqn.primitive.name;
    const input = x === undefined ? undefined : this.#inputs.get(x);
    if (name === 'iota') {
      const { shape, dimension } = eqn.params as IotaParams;
      this.#define(out!, stored(out!.aval.dtype, axesIndex(shape, dimension, dimension)), this.body);
    } else if ((name === 'broadcastInDim' || name === 'reshape') && input !== undefined) {
      const index =
        name === 'reshape' ? 'i' : broadcastIndex(x!.aval.shape, eqn.params as BroadcastInDimParams);
      this.#define(out!, `in${input}[${index}]`, index === '0' ? this.before : this.body);
    } else if (name === 'broadcastInDim' || name === 'reshape') {
      // Made inside the fragment, so of the fragment's shape: the same elements in the same order.
      this.#names.set(out!, this.value(x!));
    } else {
      const e = expressionOf(eqn)!(...eqn.inputs.map((v) => this.value(v)));
      this.#define(out!, stored(out!.aval.dtype, e), this.body);
    }
  }

  source(size: number): string {
    const { inVars, outVars } = this.fragment;
    return [
      ...inVars.map((_, j) => `const in${j} = inputs[${j}];`),
      ...outVars.map((v, k) => `const out${k} = allocTyped('${v.aval.dtype}', ${size});`),
      ...this.before,
      `for (let i = 0; i < ${size}; i++) {`,
      ...this.body.map((s) => `  ${s}`),
      ...outVars.map((v, k) => `  out${k}[i] = ${this.value(v)};`),
      '}',
      `return [${outVars.map((_, k) => `out${k}`).join(', ')}];`,
    ].join('\n');
  }
}

/** The JS source of the kernel of `fragment` (the body of a function of `inputs`). */
export function fragmentSource(fragment: IR): string {
  const loop = new LoopSource(fragment);
  for (const eqn of fragment.eqns) loop.equation(eqn);
  return loop.source(fragment.eqns[0]!.outputs[0]!.aval.size);
}

type Helpers = [typeof allocTyped, typeof erf, typeof erfInv];

/**
 * The reference backend's {@link FusionCompiler}: each fragment becomes one loop over its elements,
 * generated as JS, holding intermediates in locals instead of arrays. Every value is kept as its
 * dtype's TypedArray would store it (`stored`), and each primitive computes with its kernel's
 * formula (`templates.ts`), so fused results equal the kernels' bit for bit. Only primitives with
 * a kernel in `kernels` are fused, so a backend built with `only` still runs the decompositions of
 * the others.
 *
 * @example
 * ```ts
 * const backend = { ...createCpuBackend(), fusion: cpuFusion(kernels) };
 * ```
 */
export function cpuFusion(kernels: Readonly<Record<string, unknown>>): FusionCompiler<TypedArray> {
  return {
    canFuse: (eqn) =>
      kernels[eqn.primitive.name] !== undefined &&
      eqn.outputs.length === 1 &&
      (INDEXED.has(eqn.primitive.name) || expressionOf(eqn) !== undefined),
    compile: (fragment): FusedKernel<TypedArray> => {
      const make = new Function(
        'allocTyped',
        'erf',
        'erfInv',
        `return (inputs) => {\n${fragmentSource(fragment)}\n};`,
      );
      const helpers: Helpers = [allocTyped, erf, erfInv];
      return (make as (...h: Helpers) => FusedKernel<TypedArray>)(...helpers);
    },
  };
}
