import {
  type GatherParams,
  type Kernel,
  type KernelArg,
  type KernelTable,
  ShapeDtype,
  sizeOf,
  type TypedArray,
} from '@addax/core';
import { onDevice, type GpujsBuffer } from '../buffer.js';
import type { Runtime } from '../runtime.js';
import type { GpuKernels } from './kernel.js';

type GatherKernel = Kernel<GatherParams, TypedArray>;

/**
 * Where each element of a gather's output reads from `operand`: the CPU reference's own gather,
 * run over the operand's flat positions instead of its values (-1 where `fill` mode fills).
 * Indices are int32, so they live on the host (see GpujsBuffer) and this needs no read back.
 */
function sourcePositions(
  gather: GatherKernel,
  rt: Runtime,
  operand: readonly number[],
  indices: KernelArg<GpujsBuffer>,
  params: Omit<GatherParams, 'fillValue'>,
  out: readonly number[],
): Float32Array {
  const positions = Float32Array.from({ length: sizeOf(operand) }, (_, k) => k);
  const [offsets] = gather(
    [
      { buffer: positions, shape: operand, dtype: 'float32' },
      { buffer: rt.readSync(indices.buffer, indices.dtype), shape: indices.shape, dtype: indices.dtype },
    ],
    { ...params, fillValue: -1 },
    [new ShapeDtype(out, 'float32')],
  );
  return offsets as Float32Array;
}

/**
 * The updates landing on each operand element, in update order, as a CSR table: `start[o]` is
 * where element `o`'s run begins in `order` (the update positions), and `longest` the longest run.
 */
function landings(
  targets: Float32Array,
  size: number,
): { start: Float32Array; order: Float32Array; longest: number } {
  const count = new Float32Array(size + 1);
  for (const t of targets) if (t >= 0) count[t + 1]!++;
  let longest = 0;
  for (let o = 0; o < size; o++) {
    longest = Math.max(longest, count[o + 1]!);
    count[o + 1]! += count[o]!;
  }
  const next = count.slice(0, size);
  const order = new Float32Array(count[size]!);
  targets.forEach((t, u) => {
    if (t >= 0) order[next[t]!++] = u;
  });
  return { start: count, order, longest };
}

/**
 * `gather` and `scatterAdd` on the device, their index arithmetic on the host. gather: each output
 * element's source position (see sourcePositions), then one kernel moves the values. scatterAdd:
 * an update element lands where the gather with the matching dimension numbers would read, so the
 * same positions say where each update goes; the host groups them per operand element in update
 * order (see landings) and one kernel adds each element's run, as many steps as the longest run.
 */
export function indexingKernels(cpu: KernelTable<TypedArray>): GpuKernels {
  const gather = cpu.gather as GatherKernel;
  return {
    gather: {
      accepts: ([x], [out]) => onDevice(x!.dtype) && onDevice(out!.dtype),
      run: (rt, [x, indices], params, [out]) => {
        const offsets = sourcePositions(gather, rt, x!.shape, indices!, params, out!.shape);
        const main = 'const o = a1[i]; if (o < 0) { return a2[0]; } return a0[o];';
        const fill = new Float32Array([params.fillValue]);
        return [rt.run({ main, natives: [] }, out!.size, [rt.input(x!), offsets, fill])];
      },
    },
    scatterAdd: {
      accepts: ([x, , updates], [out]) =>
        x!.dtype === 'float32' && updates!.dtype === 'float32' && out!.dtype === 'float32',
      run: (rt, [x, indices, updates], params, [out]) => {
        const { updateWindowDims, insertedWindowDims, scatterDimsToOperandDims, mode } = params;
        const shape = x!.shape;
        const windowAxes = shape.map((_, a) => a).filter((a) => !insertedWindowDims.includes(a));
        const sliceSizes = shape.map(() => 1);
        windowAxes.forEach((axis, k) => (sliceSizes[axis] = updates!.shape[updateWindowDims[k]!]!));
        // An operand axis smaller than its window has no room for any update (nothing lands).
        const fits = shape.every((d, a) => sliceSizes[a]! <= d);
        const targets =
          fits && sizeOf(updates!.shape) > 0
            ? sourcePositions(
                gather,
                rt,
                shape,
                indices!,
                {
                  offsetDims: updateWindowDims,
                  collapsedSliceDims: insertedWindowDims,
                  startIndexMap: scatterDimsToOperandDims,
                  sliceSizes,
                  mode,
                },
                updates!.shape,
              )
            : new Float32Array(0);
        const { start, order, longest } = landings(targets, out!.size);
        if (longest === 0) return [rt.run({ main: 'return a0[i];', natives: [] }, out!.size, [rt.input(x!)])];
        // The bound rounded up to a power of 2: one compiled kernel serves many scatters.
        const steps = 2 ** Math.ceil(Math.log2(longest));
        const main =
          `let acc = a0[i]; const from = a1[i]; const n = a1[i + 1] - from; ` +
          `for (let k = 0; k < ${steps}; k++) { if (k >= n) { break; } acc += a3[a2[from + k]]; } return acc;`;
        return [rt.run({ main, natives: [] }, out!.size, [rt.input(x!), start, order, rt.input(updates!)])];
      },
    },
  };
}
