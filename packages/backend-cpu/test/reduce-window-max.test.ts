import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import { reduceWindowMaxReference } from '../src/kernels/linalg/reduce-window.js';
import { reduceWindowMaxSeparable } from '../src/kernels/linalg/reduce-window-max.js';
import { anyValue, typed } from './helpers.js';

/** One axis: operand size 0 to 4, window 1 to 3, stride 1 to 3, padding 0 to 2 each side, dilations 1 to 2. */
const axisArb = fc.record({
  size: fc.nat({ max: 4 }),
  window: fc.integer({ min: 1, max: 3 }),
  stride: fc.integer({ min: 1, max: 3 }),
  low: fc.nat({ max: 2 }),
  high: fc.nat({ max: 2 }),
  baseDilation: fc.integer({ min: 1, max: 2 }),
  windowDilation: fc.integer({ min: 1, max: 2 }),
});

type AxisCase = typeof axisArb extends fc.Arbitrary<infer T> ? T : never;

/** Output size along an axis, as XLA defines it (0 when the window does not fit). */
function outSize(a: AxisCase): number {
  const padded = (a.size === 0 ? 0 : (a.size - 1) * a.baseDilation + 1) + a.low + a.high;
  const span = (a.window - 1) * a.windowDilation + 1;
  return padded < span ? 0 : Math.floor((padded - span) / a.stride) + 1;
}

const special = fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, -1);

const problem = fc
  .record({
    dtype: fc.constantFrom<ax.DType>('float32', 'int32', 'uint32'),
    axes: fc.array(axisArb, { maxLength: 4 }),
  })
  .chain(({ dtype, axes }) => {
    const size = axes.reduce((n, a) => n * a.size, 1);
    const value = dtype === 'float32' ? fc.oneof(anyValue(dtype), special) : anyValue(dtype);
    return fc.record({
      dtype: fc.constant(dtype),
      axes: fc.constant(axes),
      values: fc.array(value, { minLength: size, maxLength: size }),
    });
  });

describe('reduceWindowMaxSeparable (one pass per axis)', () => {
  it('equals the plain loop over whole windows for random shapes, windows, strides, padding and dilations (NaN, -0, infinities, int32 and uint32 included; exact)', () => {
    fc.assert(
      fc.property(problem, ({ dtype, axes, values }) => {
        const x = { buffer: typed(dtype, values), shape: axes.map((a) => a.size), dtype };
        const params: ax.ReduceWindowParams = {
          windowDimensions: axes.map((a) => a.window),
          windowStrides: axes.map((a) => a.stride),
          padding: axes.map((a) => [a.low, a.high] as const),
          baseDilation: axes.map((a) => a.baseDilation),
          windowDilation: axes.map((a) => a.windowDilation),
        };
        const out = new ax.ShapeDtype(axes.map(outSize), dtype);
        const [want] = reduceWindowMaxReference([x], params, [out]);
        expect(reduceWindowMaxSeparable(x, params, out)).toEqual(want);
      }),
      { numRuns: 500 },
    );
  });
});
