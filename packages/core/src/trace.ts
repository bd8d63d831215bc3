import { Array } from './array.js';
import type { TypedArray } from './dtype.js';
import { ConcretizationError } from './errors.js';
import type { Primitive } from './primitive.js';

/**
 * One level of the interpreter stack (JAX's `MainTrace`): which interpreter, at which depth, and
 * the data it shares across the traces of that level.
 */
export interface MainTrace {
  readonly level: number;
  readonly traceType: TraceClass;
  readonly globalData: unknown;
}

/** The constructor of an interpreter. */
export type TraceClass = new (main: MainTrace) => Trace;

/**
 * An interpreter: how primitives run on the values of one level of the stack. Eager evaluation,
 * jvp, batching and staging are all Traces, and so can a user's be (Oryx's `harvest` is one).
 */
export abstract class Trace {
  constructor(readonly main: MainTrace) {}

  /** What users call the transformation this interpreter carries out, for error messages. */
  get transformation(): string {
    return this.constructor.name;
  }

  /** Wraps a value from below this level (a concrete array or a lower tracer) as this trace's. */
  abstract pure(value: Array): Array;

  /** As `pure`, for a tracer of a lower level; JAX distinguishes the two, most traces do not. */
  lift(value: Array): Array {
    return this.pure(value);
  }

  /** Runs `prim` on operands already raised to this trace, with canonical params. */
  abstract processPrimitive<P>(prim: Primitive<P>, operands: readonly Array[], params: P): Array[];
}

/** A value being traced by some transformation: an {@link Array} that owns no buffer. */
export abstract class Tracer extends Array {
  abstract readonly trace: Trace;

  /** The arrays this tracer holds (a jvp tracer's primal and tangent), so `tidy` keeps them. */
  abstract heldValues(): readonly Array[];

  private concretizationError(what: string): ConcretizationError {
    const kind = this.trace.transformation;
    return new ConcretizationError(
      `${what} was called on a traced value (${this.aval.toString()}) while ${kind} is tracing the function. ` +
        'Inside a transformation values are abstract: compute with array operations (ax.where, ax.cond) ' +
        'instead of reading data, or pass the value as a static argument.',
    );
  }

  override data(): Promise<TypedArray> {
    return Promise.reject(this.concretizationError('data()'));
  }

  override dataSync(): TypedArray {
    throw this.concretizationError('dataSync()');
  }

  override dispose(): void {
    // A tracer owns no buffer.
  }

  override get isDisposed(): boolean {
    return false;
  }

  /** `if (x > 0)` on a tracer would branch on an abstract value; say so instead of guessing. */
  [Symbol.toPrimitive](): never {
    throw this.concretizationError('Converting to a JS number or boolean');
  }

  override toString(): string {
    return `Traced<${this.aval.toString()}> by ${this.trace.transformation}`;
  }
}
