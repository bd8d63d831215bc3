import type { Array } from '../array.js';
import type { ShapeDtype } from '../aval.js';
import { IR, Var } from '../ir/ir.js';
import { stage } from '../ir/staging.js';

/**
 * A program whose captured constants were made its leading inputs, with their values. Control-flow
 * primitives keep their bodies this way and pass the constants as operands, so a value a body
 * closes over (a tracer of an enclosing transformation, say) is seen and transformed by every
 * interpreter like any other operand, and nothing traced escapes into a primitive's params.
 */
export interface OpenIR {
  /** Inputs `[...constants, ...arguments]`; no captured constants of its own. */
  readonly ir: IR;
  readonly consts: Array[];
}

/** `ir` with its captured constants moved in front of its inputs. */
export function openIR(ir: IR): OpenIR {
  return { ir: new IR([...ir.constVars, ...ir.inVars], [], [], ir.eqns, ir.outVars), consts: [...ir.consts] };
}

/**
 * Stages `fn` on fresh inputs of `inAvals`, every primitive recorded, into an {@link OpenIR}.
 * `fn` returns the outputs and anything else the caller wants from the trace.
 */
export function stageOpen<T>(
  fn: (...args: Array[]) => [readonly Array[], T],
  inAvals: readonly ShapeDtype[],
): OpenIR & { readonly extra: T } {
  const { ir, extra } = stage((_, args) => fn(...args), inAvals, { dynamic: true, owner: 'enclosing' });
  return { ...openIR(ir), extra };
}

/** {@link stageOpen} for a function with no extra result. */
export function stageOpenFn(
  fn: (...args: Array[]) => readonly Array[],
  inAvals: readonly ShapeDtype[],
): OpenIR {
  return stageOpen((...args) => [fn(...args), undefined], inAvals);
}

/**
 * Several programs with the same arguments, each taking the constants of all of them in front
 * (JAX joins the constants of cond's branches the same way), so one operand list serves every one.
 */
export function joinConsts(programs: readonly OpenIR[]): { readonly irs: IR[]; readonly consts: Array[] } {
  const consts = programs.flatMap((p) => p.consts);
  let offset = 0;
  const irs = programs.map(({ ir, consts: own }) => {
    const before = consts.slice(0, offset).map((c) => new Var(c.aval));
    const after = consts.slice(offset + own.length).map((c) => new Var(c.aval));
    const mine = ir.inVars.slice(0, own.length);
    offset += own.length;
    return new IR(
      [...before, ...mine, ...after, ...ir.inVars.slice(own.length)],
      [],
      [],
      ir.eqns,
      ir.outVars,
    );
  });
  return { irs, consts };
}

/** `ir` taking extra inputs of `avals` after its own, which it ignores. */
export function withUnusedInputs(ir: IR, avals: readonly ShapeDtype[]): IR {
  return new IR(
    [...ir.inVars, ...avals.map((a) => new Var(a))],
    ir.constVars,
    ir.consts,
    ir.eqns,
    ir.outVars,
  );
}
