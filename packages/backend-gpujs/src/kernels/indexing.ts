import { type Kernel, type KernelTable, ShapeDtype, sizeOf, type TypedArray } from '@addax/core';
import { onDevice } from '../buffer.js';
import type { GpuKernels } from './kernel.js';

/**
 * `gather` on the device. Indices are int32, so they live on the host (see GpujsBuffer): there the
 * CPU reference's own gather, run over the operand's flat positions instead of its values, gives
 * each output element's source position (-1 where `fill` mode fills), and one device kernel moves
 * the values.
 */
export function indexingKernels(cpu: KernelTable<TypedArray>): GpuKernels {
  const gather = cpu.gather as Kernel<
    Parameters<NonNullable<KernelTable<TypedArray>['gather']>>[1],
    TypedArray
  >;
  return {
    gather: {
      accepts: ([x], [out]) => onDevice(x!.dtype) && onDevice(out!.dtype),
      run: (rt, [x, indices], params, [out]) => {
        const positions = Float32Array.from({ length: sizeOf(x!.shape) }, (_, k) => k);
        const [offsets] = gather(
          [
            { buffer: positions, shape: x!.shape, dtype: 'float32' },
            {
              buffer: rt.readSync(indices!.buffer, indices!.dtype),
              shape: indices!.shape,
              dtype: indices!.dtype,
            },
          ],
          { ...params, fillValue: -1 },
          [new ShapeDtype(out!.shape, 'float32')],
        );
        const main = 'const o = a1[i]; if (o < 0) { return a2[0]; } return a0[o];';
        const fill = new Float32Array([params.fillValue]);
        return [rt.run({ main, natives: [] }, out!.size, [rt.input(x!), offsets as Float32Array, fill])];
      },
    },
  };
}
