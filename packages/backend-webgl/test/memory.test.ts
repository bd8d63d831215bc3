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

  test('integer code and small uploaded scalars never read a texture back', async () => {
    const reads = vi.spyOn(backend().tfBackend, 'readSync');
    const i = ax.arange(6);
    // lt of host ints gives a host bool, so select on host ints needs no read back.
    const masked = ax.where(ax.less(i, 3), i, ax.array(0, { dtype: 'int32' }));
    // argmax runs on the CPU; its small operand keeps the values it was uploaded from.
    const p = ax.argmax(ax.array([0.9, 3, 2]));
    const values = [Array.from(masked.dataSync()), p.dataSync()[0]];
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    expect(values[0]).toEqual([0, 1, 2, 0, 0, 0]);
    expect(values[1]).toBe(1);
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
