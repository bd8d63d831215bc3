import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { tidy } from '../eager.js';
import { AddaxError } from '../errors.js';
import { bind, fullRaise, withMainTrace } from '../interpreters.js';
import { broadcastInDim, transpose } from '../lax/shape.js';
import { batchRuleOf, type Primitive } from '../primitive.js';
import { Trace, Tracer, type MainTrace } from '../trace.js';

/** What one vmap level knows: the size of the axis it maps over. */
interface BatchData {
  readonly axisSize: number;
}

/** A value mapped over by vmap: the whole batch `val`, mapped along `batchDim` (null: unmapped). */
export class BatchTracer extends Tracer {
  constructor(
    readonly trace: BatchTrace,
    readonly val: Array,
    readonly batchDim: number | null,
  ) {
    super();
  }

  get aval(): ShapeDtype {
    if (this.batchDim === null) return this.val.aval;
    const shape = this.val.shape.filter((_, i) => i !== this.batchDim);
    return new ShapeDtype(shape, this.val.dtype);
  }

  override heldValues(): readonly Array[] {
    return [this.val];
  }
}

/** vmap's interpreter: each primitive runs once on the whole batch, by its batch rule. */
export class BatchTrace extends Trace {
  override get transformation(): string {
    return 'vmap';
  }

  get axisSize(): number {
    return (this.main.globalData as BatchData).axisSize;
  }

  override pure(value: Array): Array {
    return new BatchTracer(this, value, null);
  }

  override processPrimitive<P>(prim: Primitive<P>, operands: readonly Array[], params: P): Array[] {
    const tracers = operands as readonly BatchTracer[];
    const vals = tracers.map((t) => t.val);
    const dims = tracers.map((t) => t.batchDim);
    if (dims.every((d) => d === null)) {
      return bind(prim, vals, params).map((v) => new BatchTracer(this, v, null));
    }
    const rule = batchRuleOf(prim);
    if (!rule) {
      throw new AddaxError(`vmap: ${prim.name} has no batch rule; give it one with ax.defineBatch`);
    }
    const [outs, outDims] = tidy(() => rule(vals, dims, params, this.axisSize));
    return outs.map((v, i) => new BatchTracer(this, v, outDims[i]!));
  }
}

/** `x` with axis `from` moved to position `to` (the other axes keep their order). */
export function moveAxis(x: Array, from: number, to: number): Array {
  if (from === to) return x;
  const perm = [...x.shape.keys()].filter((a) => a !== from);
  perm.splice(to, 0, from);
  return transpose(x, perm);
}

/**
 * `x` with its batch axis at `to`: moved there if mapped, else broadcast to `size` there. The
 * common first step of batch rules, which then treat axis `to` as an ordinary axis.
 */
export function batchAt(x: Array, dim: number | null, to: number, size: number): Array {
  if (dim !== null) return moveAxis(x, dim, to);
  const shape = [...x.shape];
  shape.splice(to, 0, size);
  return broadcastInDim(
    x,
    shape,
    [...x.shape.keys()].map((a) => (a < to ? a : a + 1)),
  );
}

/** The batch size of any mapped operand (all agree: vmap checked it at the inputs). */
export function batchSizeOf(operands: readonly Array[], dims: readonly (number | null)[]): number {
  const i = dims.findIndex((d) => d !== null);
  return operands[i]!.shape[dims[i]!]!;
}

/**
 * Runs `fn` on whole batches under a fresh vmap level (JAX's `batch_jaxpr` does this inside a
 * batch rule): each argument is mapped along its `dims` entry (null: unmapped), and each output
 * comes back with the axis it is mapped along (null where it does not depend on the batch).
 */
export function batchFlat(
  fn: (...args: Array[]) => readonly Array[],
  args: readonly Array[],
  dims: readonly (number | null)[],
  axisSize: number,
): [Array[], (number | null)[]] {
  return withMainTrace(BatchTrace, { axisSize } satisfies BatchData, (main: MainTrace) => {
    const trace = new BatchTrace(main);
    const outs = fn(...args.map((x, i) => new BatchTracer(trace, x, dims[i]!))).map(
      (x) => fullRaise(trace, x) as BatchTracer,
    );
    return [outs.map((t) => t.val), outs.map((t) => t.batchDim)];
  });
}

/**
 * Runs `fn` under a vmap level of `axisSize`: the flat core of `vmap`. Each input is mapped along
 * its `inDims` entry (null: the same for every batch element); output `i`, of unbatched rank
 * `ndim`, is returned with its batch axis at `outDims(i, ndim)`, or unmapped where that is null.
 */
export function vmapFlat(
  fn: (...args: Array[]) => readonly Array[],
  args: readonly Array[],
  inDims: readonly (number | null)[],
  outDims: (i: number, ndim: number) => number | null,
  axisSize: number,
): Array[] {
  const [vals, dims] = batchFlat(fn, args, inDims, axisSize);
  return vals.map((val, i) => {
    const dim = dims[i]!;
    const out = outDims(i, dim === null ? val.ndim : val.ndim - 1);
    if (out === null) {
      if (dim !== null) {
        throw new AddaxError(
          `vmap: output ${i} has outAxes null but depends on the mapped inputs (it is batched along axis ${dim})`,
        );
      }
      return val;
    }
    return batchAt(val, dim, out, axisSize);
  });
}
