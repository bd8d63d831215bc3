import { broken, cpu, type BrokenBackend } from './wrap.js';

/** Contraction kernels with one bug each. */
export const LINALG_BUGS: readonly BrokenBackend[] = [
  broken(
    'broken-matmul',
    "dotGeneral reading a rank-2 rhs's buffer as column-major (transposed) when it has one contracting axis",
    ['dotGeneral'],
    {
      dotGeneral: ([lhs, rhs], p, outs) => {
        const [lc, rc] = p.contractingDims;
        if (rhs!.shape.length !== 2 || rc.length !== 1 || p.batchDims[1].length !== 0) {
          return cpu.dotGeneral([lhs!, rhs!], p, outs);
        }
        const viewed = { ...rhs!, shape: [rhs!.shape[1]!, rhs!.shape[0]!] };
        return cpu.dotGeneral([lhs!, viewed], { ...p, contractingDims: [lc, [1 - rc[0]!]] }, outs);
      },
    },
  ),
  broken('broken-conv', 'conv padding shifted by one (low + 1, high - 1)', ['conv'], {
    conv: (xs, p, outs) =>
      cpu.conv(xs, { ...p, padding: p.padding.map(([lo, hi]) => [lo + 1, hi - 1] as const) }, outs),
  }),
];
