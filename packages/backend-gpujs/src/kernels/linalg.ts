import { indexFunction, lit, strides } from '../glsl.js';
import type { GpuKernels } from './kernel.js';

/**
 * The step between consecutive contracted elements when the contracted axes walk the operand
 * with one stride (a single axis, or axes adjacent in order): then the loop adds `j * step`
 * instead of unravelling `j`, which is most of the work of a matmul's inner loop.
 */
function linearStep(
  axes: readonly number[],
  shape: readonly number[],
  st: readonly number[],
): number | undefined {
  for (let k = 0; k + 1 < axes.length; k++) {
    if (st[axes[k]!] !== st[axes[k + 1]!]! * shape[axes[k + 1]!]!) return undefined;
  }
  return axes.length ? st[axes.at(-1)!] : 0;
}

/** `dotGeneral` as one kernel: each output element loops over the contracted axes. */
export const linalgKernels: GpuKernels = {
  dotGeneral: {
    run: (rt, [lhs, rhs], { contractingDims, batchDims }, [out]) => {
      const [lc, rc] = contractingDims;
      const [lb, rb] = batchDims;
      const free = (shape: readonly number[], skip: readonly number[]): number[] =>
        shape.map((_, a) => a).filter((a) => !skip.includes(a));
      const lf = free(lhs!.shape, [...lc, ...lb]);
      const rf = free(rhs!.shape, [...rc, ...rb]);
      const ls = strides(lhs!.shape);
      const rs = strides(rhs!.shape);
      // Output axes: batch, then lhs's free axes, then rhs's.
      const sum = (terms: string[]): string => (terms.length ? terms.join(' + ') : '0.0');
      const baseL = indexFunction('baseL', out!.shape, (c) =>
        sum([
          ...lb.map((a, k) => `${c[k]!} * ${lit(ls[a]!)}`),
          ...lf.map((a, k) => `${c[lb.length + k]!} * ${lit(ls[a]!)}`),
        ]),
      );
      const baseR = indexFunction('baseR', out!.shape, (c) =>
        sum([
          ...rb.map((a, k) => `${c[k]!} * ${lit(rs[a]!)}`),
          ...rf.map((a, k) => `${c[lb.length + lf.length + k]!} * ${lit(rs[a]!)}`),
        ]),
      );
      const contracted = lc.map((a) => lhs!.shape[a]!);
      const offL = indexFunction('offL', contracted, (c) =>
        sum(lc.map((a, k) => `${c[k]!} * ${lit(ls[a]!)}`)),
      );
      const offR = indexFunction('offR', contracted, (c) =>
        sum(rc.map((a, k) => `${c[k]!} * ${lit(rs[a]!)}`)),
      );
      const length = contracted.reduce((p, d) => p * d, 1);
      const stepL = linearStep(lc, lhs!.shape, ls);
      const stepR = linearStep(rc, rhs!.shape, rs);
      const at = (step: number | undefined, off: string): string =>
        step === undefined ? `${off}(j)` : `j * ${step}`;
      const main =
        `const bl = baseL(i); const br = baseR(i); let acc = zero(NAN, INF); ` +
        `for (let j = 0; j < ${length}; j++) { acc += a0[bl + ${at(stepL, 'offL')}] * a1[br + ${at(stepR, 'offR')}]; } return acc;`;
      const zero = 'float zero(float nan, float inf) { return 0.0; }';
      return [
        rt.run({ main, natives: [baseL, baseR, offL, offR, zero] }, out!.size, [
          rt.input(lhs!),
          rt.input(rhs!),
        ]),
      ];
    },
  },
};
