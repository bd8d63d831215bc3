import { type KernelArg, ShapeDtype } from '@addax/core';
import type { GpujsBuffer } from '../buffer.js';
import { indexFunction, lit, strides } from '../glsl.js';
import { FLOAT_OPS } from '../ops.js';
import type { Runtime } from '../runtime.js';
import { allOnDevice, type GpuKernels } from './kernel.js';
import { bodyFunction } from './elementwise.js';

/**
 * The two index functions of a reduction over `axes` of `shape`: `base(i)`, where output element
 * `i`'s run starts, and `off(j)`, the offset of the run's `j`-th element; and the run's length.
 */
export function reductionIndex(
  shape: readonly number[],
  axes: readonly number[],
  outShape: readonly number[],
): { natives: string[]; length: number } {
  const st = strides(shape);
  const kept = shape.map((_, a) => a).filter((a) => !axes.includes(a));
  const reducedShape = axes.map((a) => shape[a]!);
  const base = indexFunction('base', outShape, (c) =>
    kept.length ? kept.map((a, k) => `${c[k]!} * ${lit(st[a]!)}`).join(' + ') : '0.0',
  );
  const off = indexFunction('off', reducedShape, (c) =>
    axes.length ? axes.map((a, k) => `${c[k]!} * ${lit(st[a]!)}`).join(' + ') : '0.0',
  );
  return { natives: [base, off], length: reducedShape.reduce((p, d) => p * d, 1) };
}

/** Runs longer than this are folded in passes, so no output element loops over a long run alone. */
const CHUNK = 1024;

/**
 * A fold over the reduced axes: `acc = foldStep(acc, x)` from `init`. A run longer than `CHUNK`
 * is folded in two kernels or more: first into chunks of `CHUNK` elements (one output element
 * per chunk), then over the chunks' results, the same fold again. The folds here are associative
 * (sums and products within their reordering tolerance, max and min exactly), so the order does
 * not matter.
 */
function fold(
  rt: Runtime,
  x: KernelArg<GpujsBuffer>,
  axes: readonly number[],
  out: ShapeDtype,
  init: string,
  step: string,
): GpujsBuffer {
  const { natives, length } = reductionIndex(x.shape, axes, out.shape);
  const folds = [bodyFunction('foldInit', 0, init), bodyFunction('foldStep', 2, step)];
  if (length <= CHUNK) {
    const main =
      `const b = base(i); let acc = foldInit(NAN, INF); ` +
      `for (let j = 0; j < ${length}; j++) { acc = foldStep(acc, a0[b + off(j)], NAN, INF); } return acc;`;
    return rt.run({ main, natives: [...natives, ...folds] }, out.size, [rt.input(x)]);
  }
  const chunks = Math.ceil(length / CHUNK);
  const outer = `float outer(float i) { return floor((i + 0.5) / ${lit(chunks)}); }`;
  const main =
    `const o = outer(i); const start = (i - o * ${chunks}) * ${CHUNK}; const b = base(o); ` +
    `let acc = foldInit(NAN, INF); for (let j = 0; j < ${CHUNK}; j++) { const k = start + j; ` +
    `if (k < ${length}) { acc = foldStep(acc, a0[b + off(k)], NAN, INF); } } return acc;`;
  const partial = rt.run({ main, natives: [...natives, outer, ...folds] }, out.size * chunks, [rt.input(x)]);
  const partials = { buffer: partial, shape: [out.size, chunks], dtype: x.dtype };
  const result = fold(rt, partials, [1], new ShapeDtype([out.size], out.dtype), init, step);
  rt.dispose(partial);
  return result;
}

/** The first index of the best element of each run (NaN counts as best, as numpy's argmax). */
function argBest(
  rt: Runtime,
  x: KernelArg<GpujsBuffer>,
  axis: number,
  out: ShapeDtype,
  pick: '>' | '<',
): GpujsBuffer {
  const { natives, length } = reductionIndex(x.shape, [axis], out.shape);
  const better = bodyFunction('better', 2, `((x0 ${pick} x1) || (x0 != x0 && x1 == x1)) ? 1.0 : 0.0`);
  const main =
    `const b = base(i); let best = a0[b]; let at = 0; ` +
    `for (let j = 1; j < ${length}; j++) { const v = a0[b + off(j)]; if (better(v, best, NAN, INF) > 0.5) { best = v; at = j; } } return at;`;
  const result = rt.run({ main, natives: [...natives, better] }, out.size, [rt.input(x)]);
  // The index is computed on the device; int32 arrays live on the host.
  const host = { kind: 'host', data: Int32Array.from(rt.readSync(result, 'float32')) } as const;
  rt.dispose(result);
  return host;
}

const reduceAccepts = { accepts: allOnDevice };
const maxStep = FLOAT_OPS.max!(['x0', 'x1']);
const minStep = FLOAT_OPS.min!(['x0', 'x1']);

/** Reductions as one pass per output element, the loop bound a constant of the kernel. */
export const reductionKernels: GpuKernels = {
  reduceSum: {
    ...reduceAccepts,
    run: (rt, [x], { axes }, [out]) => [fold(rt, x!, axes, out!, '0.0', 'x0 + x1')],
  },
  reduceProd: {
    ...reduceAccepts,
    run: (rt, [x], { axes }, [out]) => [fold(rt, x!, axes, out!, '1.0', 'x0 * x1')],
  },
  reduceMax: {
    ...reduceAccepts,
    run: (rt, [x], { axes }, [out]) => [
      x!.dtype === 'bool'
        ? fold(rt, x!, axes, out!, '0.0', 'max(x0, x1)')
        : fold(rt, x!, axes, out!, '-inf', maxStep),
    ],
  },
  reduceMin: {
    ...reduceAccepts,
    run: (rt, [x], { axes }, [out]) => [
      x!.dtype === 'bool'
        ? fold(rt, x!, axes, out!, '1.0', 'min(x0, x1)')
        : fold(rt, x!, axes, out!, 'inf', minStep),
    ],
  },
  reduceAnd: {
    ...reduceAccepts,
    run: (rt, [x], { axes }, [out]) => [fold(rt, x!, axes, out!, '1.0', 'min(x0, x1)')],
  },
  reduceOr: {
    ...reduceAccepts,
    run: (rt, [x], { axes }, [out]) => [fold(rt, x!, axes, out!, '0.0', 'max(x0, x1)')],
  },
  argmax: {
    accepts: (operands) => allOnDevice(operands, []),
    run: (rt, [x], { axis }, [out]) => [argBest(rt, x!, axis, out!, '>')],
  },
  argmin: {
    accepts: (operands) => allOnDevice(operands, []),
    run: (rt, [x], { axis }, [out]) => [argBest(rt, x!, axis, out!, '<')],
  },
};
