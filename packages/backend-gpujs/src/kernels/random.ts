import type { GpujsBuffer } from '../buffer.js';
import { lit, THREEFRY } from '@addax/glsl';
import type { GpuKernels } from './kernel.js';

/**
 * `threefry2x32` on the device: its uint32 operands live on the host (see GpujsBuffer), so they go
 * up as 16-bit halves, one kernel computes the four output half-words of every element, and the
 * two uint32 results come back.
 */
export const randomKernels: GpuKernels = {
  threefry2x32: {
    accepts: () => true,
    run: (rt, operands, _params, [out]) => {
      const n = out!.size;
      // Sizes round up to a power of two, so the long shader compiles once per bucket, not per size.
      const m = 2 ** Math.ceil(Math.log2(Math.max(n, 64)));
      const halves = new Float32Array(8 * m);
      operands.forEach((o, q) => {
        const words = rt.readSync(o.buffer, o.dtype);
        for (let j = 0; j < n; j++) {
          halves[2 * q * m + j] = Math.floor(words[j]! / 65536);
          halves[(2 * q + 1) * m + j] = words[j]! % 65536;
        }
      });
      const at = `float tf_at(float i, float q) { float p = floor((i + 0.5) / ${lit(m)}); return q * ${lit(m)} + i - p * ${lit(m)}; }`;
      const plane = `float tf_plane(float i) { return floor((i + 0.5) / ${lit(m)}); }`;
      const loads = Array.from({ length: 8 }, (_, q) => `a0[tf_at(i, ${q})]`).join(', ');
      const words = rt.run(
        { main: `return tf_hash(${loads}, tf_plane(i));`, natives: [at, plane, THREEFRY] },
        4 * m,
        [halves],
      );
      const planes = rt.readSync(words, 'float32');
      rt.dispose(words);
      const word = (hi: number, lo: number): GpujsBuffer => ({
        kind: 'host',
        data: Uint32Array.from({ length: n }, (_, j) => planes[hi * m + j]! * 65536 + planes[lo * m + j]!),
      });
      return [word(0, 1), word(2, 3)];
    },
  },
};
