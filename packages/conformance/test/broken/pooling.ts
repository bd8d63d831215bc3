import * as ax from '@addax/core';
import { broken, cpu, type BrokenBackend } from './wrap.js';

/** Pooling kernels with one bug each. */
export const POOLING_BUGS: readonly BrokenBackend[] = [
  broken(
    'broken-max-pool-padding',
    'reduceWindowMax padding with 0 instead of -Infinity (on an undilated base)',
    ['reduceWindowMax'],
    {
      reduceWindowMax: ([x], p, outs) => {
        if (p.baseDilation.some((d) => d !== 1)) return cpu.reduceWindowMax([x!], p, outs);
        const zero = { buffer: ax.allocTyped(x!.dtype, 1), shape: [], dtype: x!.dtype };
        const shape = x!.shape.map((d, i) => d + p.padding[i]![0] + p.padding[i]![1]);
        const config = p.padding.map(([lo, hi]) => [lo, hi, 0] as const);
        const [padded] = cpu.pad([x!, zero], { config }, [new ax.ShapeDtype(shape, x!.dtype)]);
        const unpadded = { ...p, padding: p.padding.map(() => [0, 0] as const) };
        return cpu.reduceWindowMax([{ buffer: padded!, shape, dtype: x!.dtype }], unpadded, outs);
      },
    },
  ),
];
