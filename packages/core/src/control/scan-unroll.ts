import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { bind } from '../interpreters.js';
import { evalIR } from '../ir/eval-ir.js';
import { reshape } from '../lax/shape.js';
import { concatenate, slice } from '../lax/slicing.js';
import { indices } from './lists.js';
import { stageOpenFn, type OpenIR } from './open-ir.js';
import { row, stackRows } from './scan-eval.js';
import { scanP } from './scan-primitive.js';

/** Binds a scan of `body` (its constants in front) over `xs`, none of it linear. */
export function bindScan(
  body: OpenIR,
  carry: readonly Array[],
  xs: readonly Array[],
  length: number,
  reverse: boolean,
): Array[] {
  const operands = [...body.consts, ...carry, ...xs];
  return bind(scanP, operands, {
    body: body.ir,
    numConsts: body.consts.length,
    numCarry: carry.length,
    length,
    reverse,
    linear: operands.map(() => false),
  });
}

/** Rows `[lo, hi)` of `x` along axis 0. */
function rows(x: Array, lo: number, hi: number): Array {
  return slice(
    x,
    x.shape.map((_, a) => (a === 0 ? lo : 0)),
    x.shape.map((d, a) => (a === 0 ? hi : d)),
  );
}

/**
 * A body that runs `body` on `unroll` consecutive rows in one step (in reverse order for a
 * reverse scan), its ys stacked per row: the step of an unrolled scan.
 */
function unrolledBody(body: OpenIR, numCarry: number, unroll: number, reverse: boolean): OpenIR {
  const avals = body.ir.inAvals.slice(body.consts.length);
  const xAvals = avals.slice(numCarry);
  const order = indices(0, unroll);
  if (reverse) order.reverse();
  return stageOpenFn(
    (...args) => {
      let carry = args.slice(0, numCarry);
      const blocks = args.slice(numCarry);
      const ys: Array[][] = [];
      for (const j of order) {
        const outs = evalIR(body.ir, [...body.consts, ...carry, ...blocks.map((b) => row(b, j))]);
        carry = outs.slice(0, numCarry);
        ys[j] = outs.slice(numCarry);
      }
      return [...carry, ...ys[0]!.map((_, k) => stackRows(ys.map((y) => y[k]!)))];
    },
    [...avals.slice(0, numCarry), ...xAvals.map((a) => new ShapeDtype([unroll, ...a.shape], a.dtype))],
  );
}

/**
 * A scan that runs `unroll` iterations per loop step (JAX's `unroll`): a scan over blocks of
 * `unroll` rows with {@link unrolledBody}, and the rows left over (`length % unroll`) by a plain
 * scan, after the blocks or, in reverse, before them. The results are the plain scan's; the loop
 * takes fewer, larger steps, which a backend compiling the body can fuse.
 */
export function unrolledScan(
  body: OpenIR,
  carry: readonly Array[],
  xs: readonly Array[],
  length: number,
  reverse: boolean,
  unroll: number,
): Array[] {
  const numCarry = carry.length;
  const blocks = Math.floor(length / unroll);
  const split = blocks * unroll;
  const runBlocks = (c: readonly Array[]): Array[] => {
    const blocked = xs.map((x) => reshape(rows(x, 0, split), [blocks, unroll, ...x.shape.slice(1)]));
    const outs = bindScan(unrolledBody(body, numCarry, unroll, reverse), c, blocked, blocks, reverse);
    return [
      ...outs.slice(0, numCarry),
      ...outs.slice(numCarry).map((y) => reshape(y, [split, ...y.shape.slice(2)])),
    ];
  };
  const runRest = (c: readonly Array[]): Array[] =>
    bindScan(
      body,
      c,
      xs.map((x) => rows(x, split, length)),
      length - split,
      reverse,
    );
  // Blocks cover rows [0, split), the rest [split, length); a reverse scan runs the rest first.
  const pieces: [number, (c: readonly Array[]) => Array[]][] = [];
  if (split > 0) pieces.push([0, runBlocks]);
  if (split < length) pieces.push([1, runRest]);
  if (reverse) pieces.reverse();
  let state = [...carry];
  const ys: Array[][] = [];
  for (const [at, run] of pieces) {
    const outs = run(state);
    state = outs.slice(0, numCarry);
    ys[at] = outs.slice(numCarry);
  }
  const parts = ys.filter((p) => p !== undefined);
  const stacked = parts[0]!.map((_, k) =>
    parts.length === 1
      ? parts[0]![k]!
      : concatenate(
          parts.map((p) => p[k]!),
          0,
        ),
  );
  return [...state, ...stacked];
}
