import { binaryJvps } from './elementwise-binary.js';
import { linearElementwiseJvps, linearElementwiseTransposes } from './elementwise-linear.js';
import type { ElementwisePrimitiveName } from '../../primitives/params.js';
import { unaryJvps } from './elementwise-unary.js';
import { zeroDerivativeJvps } from './elementwise-zero.js';
import type { JvpTable } from './types.js';

export const elementwiseJvps = {
  ...linearElementwiseJvps,
  ...unaryJvps,
  ...binaryJvps,
  ...zeroDerivativeJvps,
} satisfies JvpTable<ElementwisePrimitiveName>;

export const elementwiseTransposes = linearElementwiseTransposes;
