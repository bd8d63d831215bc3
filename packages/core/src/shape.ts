import { ParameterError, ShapeError } from './errors.js';

/** An array's dimensions, outermost first. `[]` is a scalar. */
export type Shape = readonly number[];

export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides, in elements. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

export function shapeEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** Checks that every entry is a non-negative integer. */
export function checkShape(shape: Shape, where: string): Shape {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new ShapeError(
        `${where}: invalid shape ${formatShape(shape)}; dimensions must be non-negative integers`,
      );
    }
  }
  return shape;
}

/** Resolves a possibly negative axis against `ndim`, naming the operation and parameter on error. */
export function normalizeAxis(axis: number, ndim: number, where: string, param = 'axis'): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw new ParameterError(`${where}: ${param} ${axis} is out of range for an array of rank ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Resolves a list of axes, rejecting duplicates. */
export function normalizeAxes(
  axes: readonly number[],
  ndim: number,
  where: string,
  param = 'axes',
): number[] {
  const out = axes.map((a) => normalizeAxis(a, ndim, where, param));
  if (new Set(out).size !== out.length) {
    throw new ParameterError(`${where}: ${param} ${formatShape(axes)} contains a repeated axis`);
  }
  return out;
}

/** Checks that `perm` is a permutation of `0..ndim-1`. */
export function checkPermutation(
  perm: readonly number[],
  ndim: number,
  where: string,
  param = 'permutation',
): number[] {
  const sorted = [...perm].sort((a, b) => a - b);
  if (perm.length !== ndim || sorted.some((p, i) => p !== i)) {
    throw new ParameterError(
      `${where}: ${param} ${formatShape(perm)} is not a permutation of the ${ndim} axes`,
    );
  }
  return [...perm];
}

/** The numpy broadcast of several shapes, or a ShapeError naming the operation and shapes. */
export function broadcastShapes(where: string, ...shapes: Shape[]): number[] {
  const ndim = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(ndim).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const j = ndim - s.length + i;
      const d = s[i]!;
      const o = out[j]!;
      if (o === 1) out[j] = d;
      else if (d !== 1 && d !== o) {
        throw new ShapeError(
          `${where}: shapes ${shapes.map(formatShape).join(' and ')} cannot be broadcast together (axis ${j - ndim}: ${o} vs ${d})`,
        );
      }
    }
  }
  return out;
}
