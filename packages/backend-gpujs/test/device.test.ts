import * as ax from '@addax/core';
import { GPU, HeadlessGLKernel } from 'gpu.js';
import { describe, expect, it } from 'vitest';
import { Device } from '../src/device.js';
import { createGpujsBackend, type GpujsBackend } from '../src/index.js';

describe('backend gpujs on headless-gl', () => {
  it('starts in headlessgl mode and runs its kernels with the headless-gl kernel class', () => {
    const backend = createGpujsBackend({ mode: 'headlessgl' });
    expect(backend.mode).toBe('headlessgl');
    expect(backend.description).toMatch(/^gpu\.js headlessgl/);
    const x = backend.upload(new Float32Array([1, 2, 3]), 'float32', [3]);
    expect(x.kind === 'texture' && x.texture.kernel?.constructor).toBe(HeadlessGLKernel);
    backend.dispose(x);
  });

  it('is the default backend once imported, and says so', () => {
    expect(ax.getBackend().name).toBe('gpujs');
    expect(ax.getBackend().description).toContain('headlessgl');
  });

  it('uploads, reads back and frees each dtype', () => {
    const backend = createGpujsBackend();
    const cases = [
      [new Float32Array([1.5, -0, NaN, Infinity]), 'float32'],
      [new Uint8Array([1, 0, 1, 1]), 'bool'],
      [new Int32Array([-(2 ** 31), 2 ** 31 - 1, 0, 7]), 'int32'],
      [new Uint32Array([2 ** 32 - 1, 0, 1, 2 ** 31]), 'uint32'],
    ] as const;
    for (const [data, dtype] of cases) {
      const buffer = backend.upload(data, dtype, [4]);
      expect(backend.readSync!(buffer, dtype, [4])).toEqual(data);
      backend.dispose(buffer);
    }
    expect(backend.stats().textures).toBe(0);
  });

  it('runs scatterAdd on the device and sums repeated indices', async () => {
    const backend = ax.getBackend() as GpujsBackend;
    const before = backend.stats().fallbacks.scatterAdd ?? 0;
    const idx = ax.array([2, 0, 2], { dtype: 'int32' });
    // grad of take is a scatter-add of the cotangent into the gathered rows.
    const g = ax.grad((x: ax.Array) =>
      ax
        .take(x, idx, 0)
        .mul(ax.array([1, 10, 100]))
        .sum(),
    )(ax.zeros([4]));
    expect(Array.from(await g.data())).toEqual([10, 0, 101, 0]);
    expect(backend.stats().fallbacks.scatterAdd ?? 0).toBe(before);
  });

  it('runs float32 rem and atan2 on the device, int32 rem on the host', async () => {
    const backend = ax.getBackend() as GpujsBackend;
    const before = { ...backend.stats().fallbacks };
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
    const after = backend.stats().fallbacks;
    expect([after.rem, after.atan2]).toEqual([(before.rem ?? 0) + 1, before.atan2]);
  });
});

describe('silent fallback detection', () => {
  it("rejects a kernel that gpu.js built in another mode than the device's", () => {
    const device = new Device('headlessgl');
    const cpuKernel = new GPU({ mode: 'cpu' }).createKernel('function(a) { return a[this.thread.x]; }', {
      output: [1],
    });
    expect(() => device.assertKernel(cpuKernel, 'copy')).toThrow(
      "backend 'gpujs': the kernel 'copy' fell back from gpu.js mode 'headlessgl' to CPUKernel",
    );
  });
});
