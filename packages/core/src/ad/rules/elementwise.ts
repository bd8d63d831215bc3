import { cos, sin } from '../../lax/unary-trigonometric.js';
import { exp } from '../../lax/unary-exponential.js';
import { negate, scale } from './elementwise-tangent.js';
import { linearElementwiseJvps, linearElementwiseTransposes } from './elementwise-linear.js';
import type { JvpTable } from './types.js';

export const elementwiseJvps = {
  ...linearElementwiseJvps,
  sin: ([x], [t]) => [[sin(x!)], [scale(t!, () => cos(x!))]],
  cos: ([x], [t]) => [[cos(x!)], [negate(scale(t!, () => sin(x!)))]],
  exp: ([x], [t]) => {
    const y = exp(x!);
    return [[y], [scale(t!, () => y)]];
  },
} satisfies Partial<
  JvpTable<'neg' | 'sin' | 'cos' | 'exp' | 'add' | 'sub' | 'mul' | 'div' | 'select' | 'cast'>
>;

export const elementwiseTransposes = linearElementwiseTransposes;
