import * as ax from '@addax/core';
import { createCpuBackend } from '@addax/backend-cpu';
import { describe, expect, it } from 'vitest';
import { createGpujsBackend } from '../src/index.js';

const gpujs = createGpujsBackend({ mode: 'headlessgl' });
const cpu = createCpuBackend();

function reduce<B>(
  backend: ax.Backend<B>,
  name: 'reduceSum' | 'reduceMax' | 'reduceMin',
  data: Float32Array,
  shape: number[],
  axes: number[],
): Float32Array {
  const outShape = shape.filter((_, a) => !axes.includes(a));
  const x = backend.upload(data, 'float32', shape);
  const [out] = backend.kernels[name]!([{ buffer: x, shape, dtype: 'float32' }], { axes }, [
    new ax.ShapeDtype(outShape, 'float32'),
  ]);
  const result = backend.readSync!(out!, 'float32', outShape) as Float32Array;
  backend.dispose(x);
  backend.dispose(out!);
  return result;
}

// Runs of 3,000 and 70,000 elements: longer than one pass folds (1,024), so two and three passes.
describe('long reductions on backend gpujs', () => {
  const values = (n: number): Float32Array => Float32Array.from({ length: n }, (_, k) => Math.sin(k) * 100);

  it.each([
    [[3000], [0]],
    [[3, 3000], [1]],
    [[70000], [0]],
    [
      [40, 2, 50],
      [0, 2],
    ],
  ])('reduceSum of shape %j over axes %j agrees with backend-cpu within the sum tolerance', (shape, axes) => {
    const data = values(shape.reduce((p, d) => p * d, 1));
    const got = reduce(gpujs, 'reduceSum', data, shape, axes);
    const expected = reduce(cpu, 'reduceSum', data, shape, axes);
    const n = data.length / got.length;
    // (n + 1) * 2^-24 * sum of |terms|, the conformance suite's bound for a reordered sum.
    const bound = (n + 1) * 2 ** -24 * n * 100;
    got.forEach((v, k) => expect(Math.abs(v - expected[k]!)).toBeLessThanOrEqual(bound));
  });

  it('reduceMax and reduceMin over 70,000 elements are exact, and NaN anywhere propagates', () => {
    const data = values(70000);
    for (const name of ['reduceMax', 'reduceMin'] as const) {
      expect(reduce(gpujs, name, data, [70000], [0])).toEqual(reduce(cpu, name, data, [70000], [0]));
    }
    data[65000] = NaN;
    expect(reduce(gpujs, 'reduceMax', data, [70000], [0])[0]).toBeNaN();
  });
});
