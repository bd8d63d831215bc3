import * as ax from '@addax/core';

/**
 * How a convolution or a pooling pads its input, as XLA: `'SAME'` pads so that an output axis has
 * `ceil(in / stride)` positions (a transposed convolution: `in * stride`), `'VALID'` does not pad.
 */
export type Padding = 'SAME' | 'VALID';

/** `padding` checked to be `'SAME'` or `'VALID'`. */
export function checkPadding(where: string, padding: unknown): Padding {
  if (padding !== 'SAME' && padding !== 'VALID') {
    throw new ax.ParameterError(
      `${where}: padding must be 'SAME' or 'VALID', got ${JSON.stringify(padding)}`,
    );
  }
  return padding;
}

/** `value` checked to be a positive integer. */
export function positiveInt(where: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ax.ParameterError(`${where}: ${name} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * One positive integer per spatial axis: a number stands for all `n` axes, `undefined` for 1 on
 * each (no stride, no dilation).
 */
export function perAxis(
  where: string,
  name: string,
  value: number | readonly number[] | undefined,
  n: number,
): number[] {
  if (value === undefined) return globalThis.Array.from({ length: n }, () => 1);
  if (typeof value === 'number')
    return globalThis.Array.from({ length: n }, () => positiveInt(where, name, value));
  if (!globalThis.Array.isArray(value) || value.length !== n) {
    throw new ax.ParameterError(
      `${where}: ${name} must be a positive integer or ${n} of them (one per spatial axis), got ${JSON.stringify(value)}`,
    );
  }
  return value.map((v) => positiveInt(where, name, v));
}

/**
 * The sizes of a window (a kernel or a pooling window): one number is a square 2-D window, a list
 * gives one size per spatial axis and so the number of spatial axes.
 */
export function windowSizes(where: string, name: string, value: number | readonly number[]): number[] {
  if (typeof value === 'number') return perAxis(where, name, value, 2);
  if (!globalThis.Array.isArray(value) || value.length === 0) {
    throw new ax.ParameterError(
      `${where}: ${name} must be a positive integer or a non-empty list of them, got ${JSON.stringify(value)}`,
    );
  }
  return perAxis(where, name, value, value.length);
}
