import type {
  BroadcastInDimParams,
  Equation,
  FusedKernel,
  FusionCompiler,
  IotaParams,
  IR,
  Var,
} from '@addax/core';
import { onDevice, type GpujsBuffer } from './buffer.js';
import { indexFunction, ravel } from './glsl.js';
import { functionsFor } from '@addax/glsl';
import { BOOL_OPS, FLOAT_OPS, type ElementwiseOp } from './ops.js';
import { bodyFunction } from './kernels/elementwise.js';
import type { Runtime } from './runtime.js';

const INDEXED = new Set(['broadcastInDim', 'reshape', 'iota']);

function opOf(eqn: Equation): ElementwiseOp | undefined {
  const name = eqn.primitive.name;
  if (name === 'cast') {
    const to = (eqn.params as { dtype: string }).dtype;
    return to === 'bool' && eqn.inputs[0]!.aval.dtype === 'float32'
      ? ([a]) => `(${a!} != 0.0 ? 1.0 : 0.0)`
      : ([a]) => a!;
  }
  return (eqn.inputs.at(-1)?.aval.dtype === 'bool' ? BOOL_OPS : FLOAT_OPS)[name as keyof typeof FLOAT_OPS];
}

/**
 * One fragment as GLSL: `body` computes every value of the fragment for element `i` from the
 * loads the kernel's JavaScript part makes (each fragment input at `i`, or at an index map for
 * broadcast and reshaped inputs).
 */
class FragmentSource {
  readonly #names = new Map<Var, string>();
  readonly #inputs: ReadonlyMap<Var, number>;
  readonly loads: string[] = [];
  readonly natives: string[] = [];
  readonly statements: string[] = [];

  constructor(fragment: IR) {
    this.#inputs = new Map(fragment.inVars.map((v, j) => [v, j]));
  }

  /** A value the kernel's JavaScript part computes (a load or an index), passed to `body`. */
  #load(expression: string): string {
    const name = `x${this.loads.length}`;
    this.loads.push(expression);
    return name;
  }

  value(v: Var): string {
    const known = this.#names.get(v);
    if (known !== undefined) return known;
    const name = this.#load(`a${this.#inputs.get(v)!}[i]`);
    this.#names.set(v, name);
    return name;
  }

  #define(v: Var, e: string): void {
    const name = `v${this.statements.length}`;
    this.statements.push(`float ${name} = ${e};`);
    this.#names.set(v, name);
  }

  equation(eqn: Equation, shape: readonly number[]): void {
    const [x] = eqn.inputs;
    const out = eqn.outputs[0]!;
    const name = eqn.primitive.name;
    const input = x === undefined ? undefined : this.#inputs.get(x);
    if (name === 'iota') {
      const { dimension } = eqn.params as IotaParams;
      const f = `at${this.natives.length}`;
      this.natives.push(indexFunction(f, shape, (c) => c[dimension]!));
      this.#names.set(out, this.#load(`${f}(i)`));
    } else if (name === 'broadcastInDim' && input !== undefined) {
      const { broadcastDimensions } = eqn.params as BroadcastInDimParams;
      const f = `idx${this.natives.length}`;
      const from = x!.aval.shape;
      this.natives.push(
        indexFunction(f, shape, (c) =>
          ravel(
            from,
            broadcastDimensions.map((d, k) => (from[k] === 1 ? '0.0' : c[d]!)),
          ),
        ),
      );
      this.#names.set(out, this.#load(`a${input}[${f}(i)]`));
    } else if (name === 'reshape' && input !== undefined) {
      this.#names.set(out, this.#load(`a${input}[i]`));
    } else if (INDEXED.has(name)) {
      // Made inside the fragment, so of the fragment's shape: the same elements in the same order.
      this.#names.set(out, this.value(x!));
    } else {
      this.#define(out, opOf(eqn)!(eqn.inputs.map((v) => this.value(v))));
    }
  }
}

/**
 * Fuses runs of elementwise primitives (with broadcasts, reshapes and iota) on float32 and bool
 * into one gpu.js kernel per fragment output, whose GLSL keeps intermediates in registers.
 * Compiled kernels are cached by source and size, so a jitted program compiles each once.
 */
export function gpujsFusion(rt: Runtime): FusionCompiler<GpujsBuffer> {
  return {
    canFuse: (eqn) =>
      eqn.outputs.length === 1 &&
      [...eqn.inputs, ...eqn.outputs].every((v) => onDevice(v.aval.dtype)) &&
      (INDEXED.has(eqn.primitive.name) || opOf(eqn) !== undefined),
    compile: (fragment): FusedKernel<GpujsBuffer> => {
      const shape = fragment.eqns[0]!.outputs[0]!.aval.shape;
      const size = fragment.eqns[0]!.outputs[0]!.aval.size;
      const src = new FragmentSource(fragment);
      for (const eqn of fragment.eqns) src.equation(eqn, shape);
      const results = fragment.outVars.map((v) => src.value(v));
      const helpers = functionsFor(fragment.eqns.map((e) => e.primitive.name));
      const sources = results.map((r) => ({
        main: `return body(${src.loads.map((l) => `${l}, `).join('')}NAN, INF);`,
        natives: [
          ...src.natives,
          bodyFunction('body', src.loads.length, r, helpers, src.statements.join(' ')),
        ],
      }));
      return (inputs) => {
        const args = inputs.map((b, k) =>
          rt.input({
            buffer: b,
            shape: fragment.inVars[k]!.aval.shape,
            dtype: fragment.inVars[k]!.aval.dtype,
          }),
        );
        return sources.map((s) => rt.run(s, size, args));
      };
    },
  };
}
