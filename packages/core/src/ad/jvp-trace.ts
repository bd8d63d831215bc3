import type { Array } from '../array.js';
import type { ShapeDtype } from '../aval.js';
import { zeros } from '../creation.js';
import { tidy } from '../eager.js';
import { AddaxError } from '../errors.js';
import { bind, fullRaise, withMainTrace } from '../interpreters.js';
import { jvpRuleOf, Zero, type Primitive } from '../primitive.js';
import { Trace, Tracer, type MainTrace } from '../trace.js';

/** Whether values of this abstract value have tangents; integers and bools get symbolic zeros. */
export function isDifferentiable(aval: ShapeDtype): boolean {
  return aval.dtype === 'float32';
}

/** A tangent as an array: a symbolic zero becomes real zeros. */
export function instantiate(t: Array | Zero): Array {
  return t instanceof Zero ? zeros(t.aval.shape, t.aval.dtype) : t;
}

/** A primal value with its tangent, as forward mode carries them. */
export class JvpTracer extends Tracer {
  constructor(
    readonly trace: JvpTrace,
    readonly primal: Array,
    readonly tangent: Array | Zero,
  ) {
    super();
  }

  get aval(): ShapeDtype {
    return this.primal.aval;
  }

  override heldValues(): readonly Array[] {
    return this.tangent instanceof Zero ? [this.primal] : [this.primal, this.tangent];
  }
}

/** Forward-mode differentiation: each primitive runs its jvp rule on primals and tangents. */
export class JvpTrace extends Trace {
  override get transformation(): string {
    return 'jvp/grad';
  }

  override pure(value: Array): Array {
    return new JvpTracer(this, value, new Zero(value.aval));
  }

  override processPrimitive<P>(prim: Primitive<P>, operands: readonly Array[], params: P): Array[] {
    const tracers = operands as readonly JvpTracer[];
    const primals = tracers.map((t) => t.primal);
    const tangents = tracers.map((t) => t.tangent);
    if (tangents.every((t) => t instanceof Zero)) {
      return bind(prim, primals, params).map((p) => new JvpTracer(this, p, new Zero(p.aval)));
    }
    const rule = jvpRuleOf(prim);
    if (!rule) {
      throw new AddaxError(
        `${prim.name} has no jvp rule, so it cannot be differentiated; give it one with ax.defineJvp`,
      );
    }
    const [primalsOut, tangentsOut] = tidy(() => rule(primals, tangents, params));
    return primalsOut.map((p, i) => {
      const t = tangentsOut[i]!;
      return new JvpTracer(this, p, isDifferentiable(p.aval) ? t : new Zero(p.aval));
    });
  }
}

/**
 * Runs `fn` in forward mode at `primals` with `tangents`: the flat core of `jvp`, `linearize` and
 * `jacfwd`. Tangents of integer and bool values are symbolic zeros.
 */
export function jvpFlat(
  fn: (...args: Array[]) => readonly Array[],
  primals: readonly Array[],
  tangents: readonly (Array | Zero)[],
): [Array[], (Array | Zero)[]] {
  return withMainTrace(JvpTrace, undefined, (main: MainTrace) => {
    const trace = new JvpTrace(main);
    const args = primals.map(
      (p, i) => new JvpTracer(trace, p, isDifferentiable(p.aval) ? tangents[i]! : new Zero(p.aval)),
    );
    const outs = fn(...args).map((x) => fullRaise(trace, x) as JvpTracer);
    return [outs.map((t) => t.primal), outs.map((t) => t.tangent)];
  });
}
