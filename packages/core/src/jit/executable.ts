import type { Array } from '../array.js';
import { getBackend, withBackend, type Backend, type FusedKernel, type FusionCompiler } from '../backend.js';
import { EagerArray } from '../eager.js';
import { bind } from '../interpreters.js';
import { evalIR, runSteps } from '../ir/eval-ir.js';
import type { Equation, IR, Var } from '../ir/ir.js';
import { Fragment, partition } from './partition.js';

/** One step of a prepared program: a single equation (bound) or a fragment (its kernel, if any). */
interface PlannedStep {
  readonly inputs: readonly Var[];
  readonly outputs: readonly Var[];
  run(inputs: readonly Array[]): readonly Array[];
}

function equationStep(eqn: Equation): PlannedStep {
  return {
    inputs: eqn.inputs,
    outputs: eqn.outputs,
    run: (inputs) => bind(eqn.primitive, inputs, eqn.params),
  };
}

/**
 * A fragment with the kernel its backend compiled. It runs on the buffers directly when its
 * inputs are concrete arrays of that backend, and falls back to its equations one by one (through
 * `bind`, which explains mixed backends) when they are not or when the backend declined it.
 */
function fragmentStep(fragment: Fragment, backend: Backend, fusion: FusionCompiler<unknown>): PlannedStep {
  const { ir } = fragment;
  const kernel: FusedKernel<unknown> | undefined = fusion.compile(ir);
  return {
    inputs: fragment.inputs,
    outputs: fragment.outputs,
    run: (inputs) => {
      const onBackend = inputs.every((x) => x instanceof EagerArray && x.backend === backend);
      if (!kernel || !onBackend) return evalIR(ir, inputs);
      const buffers = kernel(inputs.map((x) => (x as EagerArray).buffer));
      return buffers.map((b, i) => new EagerArray(ir.outVars[i]!.aval, backend, b));
    },
  };
}

/** The backend a program's values live on (the first concrete one), else the current backend. */
function backendOf(values: readonly Array[]): Backend {
  const found = values.find((x): x is EagerArray => x instanceof EagerArray);
  return found ? found.backend : getBackend();
}

/**
 * A staged program prepared to run many times: what jit caches per input signature. On a backend
 * with a {@link FusionCompiler}, the program is partitioned once into fragments (see
 * {@link partition}) that the backend compiles, and the rest runs equation by equation; elsewhere
 * every equation runs its own kernel. Either way each intermediate is freed after its last use.
 */
export class Executable {
  readonly #plans = new Map<Backend, PlannedStep[]>();

  constructor(readonly ir: IR) {}

  /**
   * Runs the program on concrete inputs, on their backend: equations without operands (iota) run
   * there too rather than on the current backend.
   */
  run(args: readonly Array[]): Array[] {
    const backend = backendOf([...args, ...this.ir.consts]);
    const plan = this.#planFor(backend);
    return withBackend(backend, () =>
      plan ? runSteps(this.ir, plan, args, 'jit', (step, inputs) => step.run(inputs)) : evalIR(this.ir, args),
    );
  }

  #planFor(backend: Backend): PlannedStep[] | undefined {
    const { fusion } = backend;
    if (!fusion) return undefined;
    let plan = this.#plans.get(backend);
    if (!plan) {
      plan = partition(this.ir, (eqn) => fusion.canFuse(eqn)).map((step) =>
        step instanceof Fragment ? fragmentStep(step, backend, fusion) : equationStep(step),
      );
      this.#plans.set(backend, plan);
    }
    return plan;
  }
}
