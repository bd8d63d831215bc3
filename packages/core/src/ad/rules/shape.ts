import type { Array } from '../../array.js';
import { scalar } from '../../creation.js';
import { sub } from '../../lax/arithmetic.js';
import { reduceSum } from '../../lax/reductions.js';
import {
  broadcastInDimP,
  concatenateP,
  iota,
  pad,
  padP,
  reshape,
  reshapeP,
  rev,
  revP,
  slice,
  transpose,
  transposeP,
  sliceP,
} from '../../lax/shape.js';
import { Zero } from '../../primitive.js';
import type { PadParams } from '../../primitives/params.js';
import { indexingJvps, indexingTransposes } from './gather-indexing.js';
import { linearJvp, pullback } from './shape-linear.js';
import type { JvpTable, TransposeTable } from './types.js';

type Structural = 'reshape' | 'broadcastInDim' | 'transpose' | 'slice' | 'pad' | 'concatenate' | 'rev';

/** The sum of every element, as a scalar. */
function total(x: Array): Array {
  return reduceSum(x, [...x.shape.keys()]);
}

/** The operand's elements picked back out of a padded array: crops undone, padding dropped. */
function unpad(padded: Array, config: PadParams['config']): Array {
  const uncropped = pad(
    padded,
    scalar(0, padded.dtype),
    config.map(([lo, hi]) => [-lo, -hi, 0] as const),
  );
  return slice(
    uncropped,
    config.map(() => 0),
    uncropped.shape,
    config.map(([, , interior]) => interior + 1),
  );
}

export const shapeJvps = {
  reshape: linearJvp(reshapeP),
  broadcastInDim: linearJvp(broadcastInDimP),
  transpose: linearJvp(transposeP),
  slice: linearJvp(sliceP),
  pad: linearJvp(padP),
  concatenate: linearJvp(concatenateP),
  rev: linearJvp(revP),
  iota: (_, __, { dtype, shape, dimension }) => {
    const out = iota(dtype, shape, dimension);
    return [[out], [new Zero(out.aval)]];
  },
  ...indexingJvps,
} satisfies JvpTable<Structural | 'iota' | keyof typeof indexingJvps>;

export const shapeTransposes = {
  reshape: ([ct], [x]) => [pullback(ct!, x!, (g) => reshape(g, x!.shape))],
  // Output axes the operand was repeated along are summed; a size-1 operand axis that was expanded
  // is summed too, and the reshape puts it back.
  broadcastInDim: ([ct], [x], { shape, broadcastDimensions }) => [
    pullback(ct!, x!, (g) => {
      const kept = broadcastDimensions.filter((_, i) => x!.shape[i] !== 1);
      const summed = [...shape.keys()].filter((a) => !kept.includes(a));
      return reshape(reduceSum(g, summed), x!.shape);
    }),
  ],
  transpose: ([ct], [x], { permutation }) => {
    const inverse = [...permutation.keys()];
    permutation.forEach((p, i) => (inverse[p] = i));
    return [pullback(ct!, x!, (g) => transpose(g, inverse))];
  },
  // The sliced elements go back where they came from, zeros elsewhere: strides become interior padding.
  slice: ([ct], [x], { startIndices, strides }) => [
    pullback(ct!, x!, (g) =>
      pad(
        g,
        scalar(0, g.dtype),
        startIndices.map((start, a) => {
          const n = g.shape[a]!;
          const end = n === 0 ? start : start + (n - 1) * strides[a]! + 1;
          return [start, x!.shape[a]! - end, strides[a]! - 1] as const;
        }),
      ),
    ),
  ],
  // The padding value's cotangent is what the padding positions received: all of it, less the
  // operand's part.
  pad: ([ct], [x, paddingValue], { config }) => {
    const operandCt = ct instanceof Zero ? undefined : unpad(ct!, config);
    return [
      pullback(ct!, x!, () => operandCt!),
      pullback(ct!, paddingValue!, (g) => sub(total(g), total(operandCt!))),
    ];
  },
  concatenate: ([ct], operands, { dimension }) => {
    let start = 0;
    return operands.map((x) => {
      const from = start;
      const end = from + x.shape[dimension]!;
      start = end;
      return pullback(ct!, x, (g) =>
        slice(
          g,
          g.shape.map((_, a) => (a === dimension ? from : 0)),
          g.shape.map((d, a) => (a === dimension ? end : d)),
        ),
      );
    });
  },
  rev: ([ct], [x], { dimensions }) => [pullback(ct!, x!, (g) => rev(g, dimensions))],
  ...indexingTransposes,
} satisfies TransposeTable<Structural | keyof typeof indexingTransposes>;
