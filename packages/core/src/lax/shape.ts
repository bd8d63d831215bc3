import type { Array } from '../array.js';
import { ShapeDtype } from '../aval.js';
import { ParameterError, ShapeError } from '../errors.js';
import { bind1 } from '../interpreters.js';
import { definePrimitive } from '../primitive.js';
import type { PrimitiveParams } from '../primitives/params.js';
import { checkShape, formatShape, sizeOf, type Shape } from '../shape.js';

export const reshapeP = definePrimitive<PrimitiveParams['reshape']>({
  name: 'reshape',
  abstractEval: ([x], { newSizes }) => {
    checkShape(newSizes, 'reshape');
    if (sizeOf(newSizes) !== x!.size) {
      throw new ShapeError(`reshape: cannot reshape ${x!.describe()} (${x!.size} elements) into shape ${formatShape(newSizes)}`);
    }
    return [new ShapeDtype(newSizes, x!.dtype)];
  },
});

/** `lax.reshape`: the same elements in row-major order under a new shape of equal size. */
export function reshape(x: Array, newSizes: Shape): Array {
  return bind1(reshapeP, [x], { newSizes: [...newSizes] });
}

export const broadcastInDimP = definePrimitive<PrimitiveParams['broadcastInDim']>({
  name: 'broadcastInDim',
  abstractEval: ([x], { shape, broadcastDimensions }) => {
    const where = 'broadcastInDim';
    checkShape(shape, where);
    if (broadcastDimensions.length !== x!.ndim) {
      throw new ParameterError(
        `${where}: broadcastDimensions ${formatShape(broadcastDimensions)} must have one entry per operand axis (${x!.describe()})`,
      );
    }
    broadcastDimensions.forEach((d, i) => {
      const prev = i === 0 ? -1 : broadcastDimensions[i - 1]!;
      if (!Number.isInteger(d) || d <= prev || d >= shape.length) {
        throw new ParameterError(
          `${where}: broadcastDimensions ${formatShape(broadcastDimensions)} must be strictly increasing axes of the output shape ${formatShape(shape)}`,
        );
      }
      const size = x!.shape[i]!;
      if (size !== 1 && size !== shape[d]) {
        throw new ShapeError(
          `${where}: operand ${x!.describe()} axis ${i} (size ${size}) cannot broadcast to output axis ${d} of shape ${formatShape(shape)}`,
        );
      }
    });
    return [new ShapeDtype(shape, x!.dtype)];
  },
});

/**
 * `lax.broadcastInDim`: operand axis `i` becomes output axis `broadcastDimensions[i]` (size 1 or
 * equal); the other output axes repeat the operand.
 */
export function broadcastInDim(x: Array, shape: Shape, broadcastDimensions: readonly number[]): Array {
  return bind1(broadcastInDimP, [x], { shape: [...shape], broadcastDimensions: [...broadcastDimensions] });
}
