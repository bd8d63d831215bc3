import type { GpujsBuffer } from '../buffer.js';
import { SORT_COMPARE } from '@addax/glsl';
import { lit, strides } from '../glsl.js';
import { bodyFunction } from './elementwise.js';
import type { GpuKernels } from './kernel.js';

/**
 * A stable sort along `dimension` in two kernels: each element's rank in its lane (how many
 * elements come before it by the keys, lexicographically, ties by position), then each operand's
 * output position `r` takes the element of rank `r`. Quadratic in the lane's length, and every
 * output element independent.
 */
export const sortKernels: GpuKernels = {
  sort: {
    run: (rt, operands, { dimension, numKeys }, outputs) => {
      const shape = operands[0]!.shape;
      const length = shape[dimension]!;
      const stride = strides(shape)[dimension]!;
      const at = `floor((i + 0.5) / ${lit(stride)}) - floor((i + 0.5) / ${lit(stride * length)}) * ${lit(length)}`;
      const lane = [
        `float lane_at(float i) { return ${at}; }`,
        `float lane_base(float i) { return i - (${at}) * ${lit(stride)}; }`,
      ];
      const size = outputs[0]!.size;
      const keys = Array.from({ length: numKeys }, (_, m) => m);
      const args = keys.flatMap((m) => [`x${2 * m}`, `x${2 * m + 1}`]);
      // before(other's keys, this one's keys, other's position, this one's position): 1 or 0.
      const order = keys.reduceRight(
        (inner, m) =>
          `(sort_cmp(${args[2 * m]!}, ${args[2 * m + 1]!}) < 0.0 ? 1.0 : (sort_cmp(${args[2 * m]!}, ${args[2 * m + 1]!}) > 0.0 ? 0.0 : ${inner}))`,
        `(x${2 * numKeys} < x${2 * numKeys + 1} ? 1.0 : 0.0)`,
      );
      const before = bodyFunction('before', 2 * numKeys + 2, order, [SORT_COMPARE]);
      const reads = keys.map((m) => `a${m}[b + j * ${stride}], a${m}[i], `).join('');
      const rankMain =
        `const b = lane_base(i); const k = lane_at(i); let r = zero(NAN, INF); ` +
        `for (let j = 0; j < ${length}; j++) { r += before(${reads}j, k, NAN, INF); } return r;`;
      const zero = bodyFunction('zero', 0, '0.0');
      const keyInputs = operands.slice(0, numKeys).map((o) => rt.input(o));
      const ranks = rt.run({ main: rankMain, natives: [...lane, before, zero] }, size, keyInputs);
      const pickMain =
        `const b = lane_base(i); const r = lane_at(i); let v = zero(NAN, INF); ` +
        `for (let k = 0; k < ${length}; k++) { const p = b + k * ${stride}; if (a1[p] == r) { v = a0[p]; } } return v;`;
      const rankInput = rt.input({ buffer: ranks, shape, dtype: 'float32' });
      const results: GpujsBuffer[] = operands.map((o) =>
        rt.run({ main: pickMain, natives: [...lane, zero] }, size, [rt.input(o), rankInput]),
      );
      rt.dispose(ranks);
      return results;
    },
  },
};
