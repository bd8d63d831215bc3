import * as ax from '@addax/core';

/**
 * `axis` (one axis or several, negative ones counting from the end) as distinct non-negative axes
 * of an example of rank `ndim`, in increasing order; an error naming the layer otherwise.
 */
export function exampleAxes(where: string, axis: number | readonly number[], ndim: number): number[] {
  const given = typeof axis === 'number' ? [axis] : [...axis];
  const axes = given.map((a) => {
    if (!Number.isInteger(a) || a < -ndim || a >= ndim) {
      throw new ax.ParameterError(
        `${where}: axis ${String(a)} is out of range for an example of rank ${ndim}`,
      );
    }
    return a < 0 ? a + ndim : a;
  });
  if (axes.length === 0 || new Set(axes).size !== axes.length) {
    throw new ax.ParameterError(
      `${where}: axis must name one or more distinct axes, got [${given.join(', ')}]`,
    );
  }
  return axes.sort((a, b) => a - b);
}
