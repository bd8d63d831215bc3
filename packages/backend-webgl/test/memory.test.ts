// Buffers: what is disposed frees its texture, reads are exact both ways, and a long jitted
// training loop leaves as many textures alive as it started with.
import * as ax from '@addax/core';
import { describe, expect, test, vi } from 'vitest';
import '../src/index.js';
import type { WebGLBackend } from '../src/index.js';

const backend = (): WebGLBackend => ax.getBackend() as WebGLBackend;

describe('webgl buffers', () => {
  test('dispose and tidy free every texture an op made', () => {
    const before = backend().memory().numDataIds;
    const x = ax.array([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const y = ax.tidy(() => ax.exp(x.mul(2)).sum(1));
    expect(backend().memory().numDataIds).toBe(before + 2);
    x.dispose();
    y.dispose();
    expect(backend().memory().numDataIds).toBe(before);
  });

  test('int32 arrays live on the host and their kernels are counted as CPU fallbacks', async () => {
    const before = backend().memory().cpuFallbacks.add ?? 0;
    const i = ax
      .array([1, 2, 2 ** 30], { dtype: 'int32' })
      .add(ax.array([1, 1, 2 ** 30 - 1], { dtype: 'int32' }));
    expect(Array.from(await i.data())).toEqual([2, 3, 2 ** 31 - 1]);
    expect(backend().memory().cpuFallbacks.add).toBe(before + 1);
    i.dispose();
  });

  test('float32 rem and atan2 run in a shader, int32 rem on the host', async () => {
    const before = { ...backend().memory().cpuFallbacks };
    const y = ax.array([7.5, -7.5, 1, -0, Infinity, -1]);
    const x = ax.array([2, 2, -1, -1, -Infinity, Infinity]);
    expect(Array.from(await ax.lax.rem(y, x).data())).toEqual([1.5, -1.5, 0, -0, NaN, -1]);
    // The quadrant cases, whose results are float32's nearest angles exactly.
    const v = ax.array([0, -0, 1, -Infinity, Infinity, -1]);
    const u = ax.array([-1, -1, 0, 5, -Infinity, Infinity]);
    const angles = [Math.PI, -Math.PI, Math.PI / 2, -Math.PI / 2, (3 * Math.PI) / 4, -0];
    expect(Array.from(await ax.lax.atan2(v, u).data())).toEqual(angles.map(Math.fround));
    const i = ax.lax.rem(ax.array([-7, 7], { dtype: 'int32' }), ax.array([2, 0], { dtype: 'int32' }));
    expect(Array.from(await i.data())).toEqual([-1, 7]);
    const after = backend().memory().cpuFallbacks;
    expect([after.rem, after.atan2]).toEqual([(before.rem ?? 0) + 1, before.atan2]);
  });

  test('gather with int32 indices runs in a shader, the indices uploaded for the call only', async () => {
    const x = ax.linspace(0, 11, 12).reshape([4, 3]);
    const idx = ax.array([2, 0], { dtype: 'int32' });
    const fallbacks = backend().memory().cpuFallbacks.gather ?? 0;
    const before = backend().memory().numDataIds;
    const rows = ax.take(x, idx, 0);
    expect(Array.from(await rows.data())).toEqual([6, 7, 8, 0, 1, 2]);
    expect(backend().memory().cpuFallbacks.gather ?? 0).toBe(fallbacks);
    rows.dispose();
    expect(backend().memory().numDataIds).toBe(before);
  });

  test('scatterAdd with int32 indices runs in a shader and sums repeated indices', async () => {
    const fallbacks = backend().memory().cpuFallbacks.scatterAdd ?? 0;
    const idx = ax.array([2, 0, 2], { dtype: 'int32' });
    // grad of take is a scatter-add of the cotangent into the gathered rows.
    const g = ax.grad((x: ax.Array) =>
      ax
        .take(x, idx, 0)
        .mul(ax.array([1, 10, 100]))
        .sum(),
    )(ax.zeros([4]));
    expect(Array.from(await g.data())).toEqual([10, 0, 101, 0]);
    expect(backend().memory().cpuFallbacks.scatterAdd ?? 0).toBe(fallbacks);
  });

  test('argmax and argmin run in a shader and return int32 indices: the first NaN, else the first best', async () => {
    const fallbacks = { ...backend().memory().cpuFallbacks };
    const before = backend().memory().numDataIds;
    const x = ax.array([
      [1, 3, 3, -0],
      [0, -0, NaN, NaN],
      [-Infinity, -Infinity, -Infinity, 2],
    ]);
    const hi = ax.argmax(x, 1);
    const lo = ax.argmin(x, 1);
    expect(hi.dtype).toBe('int32');
    expect([Array.from(await hi.data()), Array.from(await lo.data())]).toEqual([
      [1, 2, 3],
      [3, 2, 0],
    ]);
    expect(backend().memory().cpuFallbacks.argmax).toBe(fallbacks.argmax);
    expect(backend().memory().cpuFallbacks.argmin).toBe(fallbacks.argmin);
    [x, hi, lo].forEach((a) => a.dispose());
    expect(backend().memory().numDataIds).toBe(before);
  });

  test('sort ranks float keys in a shader and moves an int32 operand by the ranks on the host', async () => {
    const fallbacks = backend().memory().cpuFallbacks.sort;
    const before = backend().memory().numDataIds;
    const x = ax.array([
      [3, NaN, -0, 1, 0, 1],
      [2, 1, 0, -1, -2, -3],
    ]);
    const sorted = ax.sort(x, 1);
    const order = ax.argsort(x, 1);
    expect(Array.from(await sorted.data())).toEqual([-0, 0, 1, 1, 3, NaN, -3, -2, -1, 0, 1, 2]);
    expect(Array.from(await order.data())).toEqual([2, 4, 3, 5, 0, 1, 5, 4, 3, 2, 1, 0]);
    expect(backend().memory().cpuFallbacks.sort).toBe(fallbacks);
    [x, sorted, order].forEach((a) => a.dispose());
    expect(backend().memory().numDataIds).toBe(before);
  });

  test('threefry2x32 runs in a shader on 16-bit halves and gives Random123 answers', async () => {
    const fallbacks = backend().memory().cpuFallbacks.threefry2x32;
    const before = backend().memory().numDataIds;
    const words = (...w: number[]): ax.Array => ax.array(w, { dtype: 'uint32' });
    const [y0, y1] = ax.lax.threefry2x32(
      words(0, 0xffffffff, 0x13198a2e),
      words(0, 0xffffffff, 0x03707344),
      words(0, 0xffffffff, 0x243f6a88),
      words(0, 0xffffffff, 0x85a308d3),
    );
    expect([Array.from(await y0!.data()), Array.from(await y1!.data())]).toEqual([
      [0x6b200159, 0x1cb996fc, 0xc4923a9c],
      [0x99ba4efe, 0xbb002be7, 0x483df7a0],
    ]);
    expect(backend().memory().cpuFallbacks.threefry2x32).toBe(fallbacks);
    expect(backend().memory().numDataIds).toBe(before);
  });

  test('integer code and small uploaded scalars never read a texture back', async () => {
    const reads = vi.spyOn(backend().tfBackend, 'readSync');
    const i = ax.arange(6);
    // lt of host ints gives a host bool, so select on host ints needs no read back.
    const masked = ax.where(ax.less(i, 3), i, ax.array(0, { dtype: 'int32' }));
    // bitcast runs on the CPU; its small operand keeps the values it was uploaded from.
    const p = ax.lax.bitcast(ax.array([0.9, 1, 2]), 'int32');
    const values = [Array.from(masked.dataSync()), p.dataSync()[1]];
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    expect(values[0]).toEqual([0, 1, 2, 0, 0, 0]);
    expect(values[1]).toBe(0x3f800000);
  });

  test('a 1,000-step jitted training loop leaves the live textures where they started', async () => {
    const key = ax.random.key(0);
    const [k1, k2, k3] = ax.random.split(key, 3);
    const x = ax.random.normal(k1!, [32, 8]);
    const y = ax.random.normal(k2!, [32, 1]);
    let params = [ax.random.normal(k3!, [8, 16]).mul(0.3), ax.zeros([16]), ax.zeros([16, 1])];
    const loss = (p: ax.Array[], xs: ax.Array, ys: ax.Array): ax.Array => {
      const h = ax.tanh(ax.matmul(xs, p[0]!).add(p[1]!));
      return ax.mean(ax.square(ax.matmul(h, p[2]!).sub(ys)));
    };
    const step = ax.jit((p: ax.Array[], xs: ax.Array, ys: ax.Array) => {
      const g = ax.grad(loss)(p, xs, ys);
      return p.map((w, i) => w.sub(g[i]!.mul(0.05)));
    });
    const first = await loss(params, x, y).data();
    const warm = step(params, x, y);
    params.forEach((p) => p.dispose());
    params = warm;
    const start = backend().memory().numDataIds;
    for (let i = 0; i < 1000; i++) {
      const next = step(params, x, y);
      params.forEach((p) => p.dispose());
      params = next;
    }
    expect(backend().memory().numDataIds).toBe(start);
    const last = await loss(params, x, y).data();
    expect(last[0]!).toBeLessThan(first[0]! / 2);
  }, 120_000);
});
