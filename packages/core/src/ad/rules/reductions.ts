import type { Array } from '../../array.js';
import { ShapeDtype } from '../../aval.js';
import { reduceSum } from '../../lax/reductions.js';
import { broadcastInDim } from '../../lax/shape.js';
import { Zero } from '../../primitive.js';
import type { JvpTable, TransposeTable } from './types.js';

export const reductionJvps = {
  reduceSum: ([x], [t], { axes }) => [[reduceSum(x!, axes)], [t instanceof Zero ? new Zero(new ShapeDtype(reduceSum(x!, axes).shape, 'float32')) : reduceSum(t!, axes)]],
} satisfies Partial<JvpTable<'reduceSum'>>;

export const reductionTransposes = {
  reduceSum: ([ct], [x], { axes }) => {
    const aval = x as ShapeDtype;
    if (ct instanceof Zero) return [new Zero(aval)];
    const kept = [...aval.shape.keys()].filter((a) => !axes.includes(a));
    return [broadcastInDim(ct as Array, aval.shape, kept)];
  },
} satisfies Partial<TransposeTable<'reduceSum'>>;
