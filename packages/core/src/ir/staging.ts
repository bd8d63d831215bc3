import type { Array } from '../array.js';
import type { ShapeDtype } from '../aval.js';
import { adoptConst, collectArrays, EagerArray, scopeDepth, tidy } from '../eager.js';
import { fullRaise, withMainTrace } from '../interpreters.js';
import type { Primitive } from '../primitive.js';
import { Trace, Tracer, type MainTrace } from '../trace.js';
import { IR, Var, type Equation } from './ir.js';

/** Who frees the constants a staged program captured (see {@link adoptConst}). */
export type ConstOwner = 'enclosing' | 'caller';

/** What one staging level records: equations, and the constants it captured. */
class Builder {
  readonly eqns: Equation[] = [];
  readonly vars = new Map<Tracer, Var>();
  readonly constVars = new Map<Array, Var>();
  /** Constants made while tracing, which the program's owner must free. */
  readonly owned: EagerArray[] = [];

  constructor(
    readonly depth: number,
    readonly owner: ConstOwner,
    readonly inline: boolean,
  ) {}

  constVar(x: Array): Var {
    let v = this.constVars.get(x);
    if (!v) {
      v = new Var(x.aval);
      this.constVars.set(x, v);
      // A tracer of an outer transformation holds concrete arrays too (a jvp tracer's primal).
      const held = new Set<EagerArray>();
      collectArrays(x, held);
      for (const a of held) if (adoptConst(a, this.depth, this.owner)) this.owned.push(a);
    }
    return v;
  }
}

/** A value being staged: it stands for a {@link Var} of the program being built. */
export class StagingTracer extends Tracer {
  constructor(
    readonly trace: StagingTrace,
    readonly aval: ShapeDtype,
  ) {
    super();
  }

  override heldValues(): readonly Array[] {
    return [];
  }
}

/**
 * Staging (JAX's `DynamicJaxprTrace`): records each primitive as an equation instead of running it.
 * Values from below (concrete arrays, tracers of outer transformations) become the program's
 * constants.
 */
export class StagingTrace extends Trace {
  override get transformation(): string {
    return 'jit (staging)';
  }

  private get builder(): Builder {
    return this.main.globalData as Builder;
  }

  override pure(value: Array): Array {
    const tracer = new StagingTracer(this, value.aval);
    this.builder.vars.set(tracer, this.builder.constVar(value));
    return tracer;
  }

  /** A fresh input of the program. */
  newArg(aval: ShapeDtype): StagingTracer {
    const tracer = new StagingTracer(this, aval);
    this.builder.vars.set(tracer, new Var(aval));
    return tracer;
  }

  varOf(tracer: Array): Var {
    const raised = fullRaise(this, tracer) as StagingTracer;
    return this.builder.vars.get(raised)!;
  }

  override processPrimitive<P>(prim: Primitive<P>, operands: readonly Array[], params: P): Array[] {
    if (this.builder.inline && prim.abstractEvalTraces && prim.decompose)
      return prim.decompose(operands, params);
    const outAvals = prim.abstractEval(
      operands.map((x) => x.aval),
      params,
    );
    const outs = outAvals.map((aval) => new StagingTracer(this, aval));
    const outVars = outs.map((t) => {
      const v = new Var(t.aval);
      this.builder.vars.set(t, v);
      return v;
    });
    this.builder.eqns.push({
      primitive: prim as Primitive<unknown>,
      params,
      inputs: operands.map((x) => this.varOf(x)),
      outputs: outVars,
    });
    return outs;
  }
}

/** A staged program, the constants its tracing made (which its owner frees), and `fn`'s extra. */
export interface Staged<T> {
  readonly ir: IR;
  readonly owned: readonly EagerArray[];
  readonly extra: T;
}

/** Options of {@link stage}. */
export interface StageOptions {
  /**
   * Whether every primitive bound while tracing is staged, even one whose operands are all
   * constants (jit, makeIR); otherwise those run at once (how linearize evaluates the primal).
   */
  readonly dynamic: boolean;
  readonly owner: ConstOwner;
  /**
   * Whether a primitive that wraps a user's function (`abstractEvalTraces`, e.g. nn's `layer_cau`)
   * is traced through rather than staged as one equation: jit wants the whole program in view of
   * fusion, while a module's program keeps the equation for its kwarg rule to reach.
   */
  readonly inline?: boolean;
}

/**
 * Traces `fn` on fresh inputs of `inAvals` into an {@link IR}. `fn` returns the program's outputs
 * (values that are not tracers of this level become constants) and anything else the caller wants
 * out of the trace, whose arrays survive it.
 */
export function stage<T>(
  fn: (trace: StagingTrace, args: StagingTracer[]) => [readonly Array[], T],
  inAvals: readonly ShapeDtype[],
  { dynamic, owner, inline = false }: StageOptions,
): Staged<T> {
  const builder = new Builder(scopeDepth(), owner, inline);
  const [ir, extra] = tidy(() =>
    withMainTrace(
      StagingTrace,
      builder,
      (main: MainTrace): [IR, T] => {
        const trace = new StagingTrace(main);
        const args = inAvals.map((a) => trace.newArg(a));
        const [outs, extra] = fn(trace, args);
        const outVars = outs.map((x) => trace.varOf(x));
        const ir = new IR(
          args.map((a) => builder.vars.get(a)!),
          [...builder.constVars.values()],
          [...builder.constVars.keys()],
          builder.eqns,
          outVars,
        );
        return [ir, extra];
      },
      { dynamic },
    ),
  );
  return { ir, owned: builder.owned, extra };
}
