import * as ax from '@addax/core';
import { broken, cpu, mapBuffer, type BrokenBackend } from './wrap.js';

/** Reduction kernels with one bug each. */
export const REDUCTION_BUGS: readonly BrokenBackend[] = [
  broken('broken-reduce-axes', 'reduceSum reducing the axes counted from the last one', ['reduceSum'], {
    reduceSum: ([x], { axes }) => {
      const mirrored = axes.map((a) => x!.shape.length - 1 - a);
      const shape = x!.shape.filter((_, i) => !mirrored.includes(i));
      return cpu.reduceSum([x!], { axes: mirrored }, [new ax.ShapeDtype(shape, x!.dtype)]);
    },
  }),
  broken(
    'broken-reduce-empty',
    'reduceMax of an empty axis giving 0 instead of the lowest value',
    ['reduceMax'],
    {
      reduceMax: (xs, p, outs) => {
        const empty = p.axes.some((a) => xs[0]!.shape[a] === 0);
        return empty ? [ax.allocTyped(outs[0]!.dtype, outs[0]!.size)] : cpu.reduceMax(xs, p, outs);
      },
    },
  ),
  broken('broken-argmax', 'argmax returning the last of tied maxima instead of the first', ['argmax'], {
    argmax: ([x], p, outs) => {
      const n = x!.shape[p.axis]!;
      const [reversed] = cpu.rev([x!], { dimensions: [p.axis] }, [new ax.ShapeDtype(x!.shape, x!.dtype)]);
      const [index] = cpu.argmax([{ ...x!, buffer: reversed! }], p, outs);
      return [mapBuffer({ ...outs[0]!, buffer: index! }, (i) => n - 1 - i)];
    },
  }),
  broken('broken-cumsum', 'cumsum exclusive (each sum leaves its own element out)', ['cumsum'], {
    cumsum: ([x], p, outs) => {
      const [inclusive] = cpu.cumsum([x!], p, outs);
      return [mapBuffer({ ...x!, buffer: inclusive! }, (v, i) => v - x!.buffer[i]!)];
    },
  }),
];
