import { broken, cpu, mapBuffer, type BrokenBackend } from './wrap.js';

function inverse(permutation: readonly number[]): number[] {
  const out = permutation.map(() => 0);
  permutation.forEach((p, i) => {
    out[p] = i;
  });
  return out;
}

/** Structural kernels with one bug each. */
export const SHAPE_BUGS: readonly BrokenBackend[] = [
  broken('broken-slice', 'slice reading one element early from a non-zero start', ['slice'], {
    slice: (xs, p, outs) =>
      cpu.slice(xs, { ...p, startIndices: p.startIndices.map((s) => (s > 0 ? s - 1 : s)) }, outs),
  }),
  broken('broken-transpose', 'transpose applying the inverse permutation', ['transpose'], {
    transpose: (xs, p, outs) => cpu.transpose(xs, { permutation: inverse(p.permutation) }, outs),
  }),
  broken('broken-reshape', 'reshape copying with `v || 0`, turning NaN (and -0) into 0', ['reshape'], {
    reshape: ([x]) => [mapBuffer(x!, (v) => v || 0)],
  }),
  broken(
    'broken-broadcast',
    'broadcastInDim aligning the operand with the trailing output axes (numpy style) when sizes allow',
    ['broadcastInDim'],
    {
      broadcastInDim: ([x], p, outs) => {
        const k = x!.shape.length;
        const trailing = x!.shape.map((_, i) => p.shape.length - k + i);
        const fits = trailing.every((d, i) => x!.shape[i] === 1 || x!.shape[i] === p.shape[d]);
        return cpu.broadcastInDim([x!], fits ? { ...p, broadcastDimensions: trailing } : p, outs);
      },
    },
  ),
  broken('broken-iota', 'iota counting along the last axis whatever the dimension', ['iota'], {
    iota: (xs, p, outs) => cpu.iota(xs, { ...p, dimension: p.shape.length - 1 }, outs),
  }),
  broken('broken-pad', 'pad ignoring interior padding', ['pad'], {
    pad: (xs, p, outs) => cpu.pad(xs, { config: p.config.map(([lo, hi]) => [lo, hi, 0] as const) }, outs),
  }),
  broken('broken-gather', "gather clamping out-of-range starts in 'fill' mode too", ['gather'], {
    gather: (xs, p, outs) => cpu.gather(xs, { ...p, mode: 'clip' }, outs),
  }),
];
