import type { KernelArg, ShapeDtype } from '@addax/core';
import type { GpujsBuffer } from '../buffer.js';
import { indexFunction, lit, ravel } from '../glsl.js';
import type { Runtime } from '../runtime.js';
import { allOnDevice, type GpuKernels } from './kernel.js';

/**
 * An output whose element `i` is element `index(i)` of `x`, or, where `index` gives a negative
 * number, element 0 of `fill` (pad's padding value).
 */
function indexMap(
  rt: Runtime,
  x: KernelArg<GpujsBuffer>,
  out: ShapeDtype,
  index: (coords: string[]) => string,
  fill?: KernelArg<GpujsBuffer>,
): GpujsBuffer {
  const natives = [indexFunction('idx0', out.shape, index)];
  const main = fill ? 'const j = idx0(i); if (j < 0) { return a1[0]; } return a0[j];' : 'return a0[idx0(i)];';
  return rt.run({ main, natives }, out.size, fill ? [rt.input(x), rt.input(fill)] : [rt.input(x)]);
}

/** Shape primitives as index maps; reshape shares its operand's texture. */
export const shapeKernels: GpuKernels = {
  reshape: { accepts: () => true, run: (rt, [x]) => [rt.share(x!.buffer)] },
  broadcastInDim: {
    run: (rt, [x], { broadcastDimensions }, [out]) => [
      indexMap(rt, x!, out!, (c) =>
        ravel(
          x!.shape,
          broadcastDimensions.map((d, k) => (x!.shape[k] === 1 ? '0.0' : c[d]!)),
        ),
      ),
    ],
  },
  transpose: {
    run: (rt, [x], { permutation }, [out]) => {
      const coords: string[] = [];
      permutation.forEach((axis, k) => (coords[axis] = `c${k}`));
      return [indexMap(rt, x!, out!, () => ravel(x!.shape, coords))];
    },
  },
  slice: {
    run: (rt, [x], { startIndices, strides }, [out]) => [
      indexMap(rt, x!, out!, (c) =>
        ravel(
          x!.shape,
          c.map((ck, a) => `${lit(startIndices[a]!)} + ${ck} * ${lit(strides[a]!)}`),
        ),
      ),
    ],
  },
  rev: {
    run: (rt, [x], { dimensions }, [out]) => [
      indexMap(rt, x!, out!, (c) =>
        ravel(
          x!.shape,
          c.map((ck, a) => (dimensions.includes(a) ? `${lit(x!.shape[a]! - 1)} - ${ck}` : ck)),
        ),
      ),
    ],
  },
  pad: {
    run: (rt, [x, value], { config }, [out]) => {
      // Output coordinate c comes from operand coordinate (c - low) / (interior + 1) when that
      // divides exactly and lands inside the operand; everything else is padding (-1).
      const index = (c: string[]): string => {
        const t = c.map((ck, a) => `(${ck} - ${lit(config[a]![0])})`);
        const q = t.map((tk, a) => `floor((${tk} + 0.5) / ${lit(config[a]![2] + 1)})`);
        const inside = t
          .map(
            (tk, a) =>
              `${tk} >= 0.0 && ${tk} - ${q[a]!} * ${lit(config[a]![2] + 1)} == 0.0 && ${q[a]!} < ${lit(x!.shape[a]!)}`,
          )
          .join(' && ');
        return `(${inside || 'true'}) ? ${ravel(x!.shape, q)} : -1.0`;
      };
      return [indexMap(rt, x!, out!, index, value!)];
    },
  },
  concatenate: {
    run: (rt, operands, { dimension }, [out]) => {
      let offset = 0;
      const natives: string[] = [];
      const cases = operands.map((x, k) => {
        const start = offset;
        offset += x.shape[dimension]!;
        const coords = (c: string[]): string[] =>
          c.map((ck, a) => (a === dimension ? `${ck} - ${lit(start)}` : ck));
        natives.push(indexFunction(`idx${k}`, out!.shape, (c) => ravel(x.shape, coords(c))));
        return x.shape[dimension] === 0 ? '' : `if (d < ${offset}) { return a${k}[idx${k}(i)]; }`;
      });
      natives.push(indexFunction('along', out!.shape, (c) => c[dimension]!));
      const main = `const d = along(i); ${cases.join(' ')} return 0;`;
      return [
        rt.run(
          { main, natives },
          out!.size,
          operands.map((x) => rt.input(x)),
        ),
      ];
    },
  },
  iota: {
    accepts: (_, outputs) => allOnDevice([], outputs),
    run: (rt, _operands, { dimension }, [out]) => {
      const natives = [indexFunction('at', out!.shape, (c) => c[dimension]!)];
      return [rt.run({ main: 'return at(i) + a0[0];', natives }, out!.size, [new Float32Array([0])])];
    },
  },
};
