import type { GpujsBuffer } from '../buffer.js';
import { fromHalfWords, lit, rowLength, THREEFRY, toHalfWords } from '@addax/glsl';
import type { GpuKernels } from './kernel.js';

/**
 * `threefry2x32` on the device: its uint32 operands live on the host (see GpujsBuffer), so they go
 * up as 16-bit halves (`toHalfWords`' rows), one kernel computes every output half-word in the
 * same layout (output `2m w + 2j + h` is half `h` of word `w` of element `j`), and the two uint32
 * results come back.
 */
export const randomKernels: GpuKernels = {
  threefry2x32: {
    accepts: () => true,
    run: (rt, operands, _params, [out]) => {
      const n = out!.size;
      const m = rowLength(n);
      const halves = toHalfWords(
        operands.map((o) => rt.readSync(o.buffer, o.dtype)),
        m,
      );
      const half = 'i - floor((i + 0.5) / 2.0) * 2.0';
      const row = `floor((i + 0.5) / ${lit(2 * m)})`;
      // 2j: where element j's pair of halves starts in a row.
      const pair = `float tf_pair(float i) { return i - ${row} * ${lit(2 * m)} - (${half}); }`;
      const plane = `float tf_plane(float i) { return 2.0 * ${row} + ${half}; }`;
      const loads = Array.from(
        { length: 8 },
        (_, q) => `a0[tf_pair(i) + ${lit(Math.floor(q / 2) * 2 * m + (q % 2))}]`,
      ).join(', ');
      const words = rt.run(
        { main: `return tf_hash(${loads}, tf_plane(i));`, natives: [pair, plane, THREEFRY] },
        4 * m,
        [halves],
      );
      const result = rt.readSync(words, 'float32');
      rt.dispose(words);
      return fromHalfWords(result, m, n).map((data): GpujsBuffer => ({ kind: 'host', data }));
    },
  },
};
