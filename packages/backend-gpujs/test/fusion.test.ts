import * as ax from '@addax/core';
import { describe, expect, it } from 'vitest';
import { createGpujsBackend } from '../src/index.js';

const backend = createGpujsBackend({ mode: 'headlessgl' });
ax.registerBackend('gpujs-fusion', () => ({ ...backend, name: 'gpujs-fusion' }));

// Ten elementwise operations, one of them on a broadcast row: one fused kernel under jit.
function chain(x: ax.Array, row: ax.Array): ax.Array {
  let y = ax.add(ax.multiply(x, 1.5), row);
  y = ax.tanh(ax.exp(ax.negative(ax.abs(y))));
  y = ax.maximum(ax.subtract(y, 0.25), ax.divide(x, 3));
  return ax.where(ax.greater(y, 0), ax.sqrt(ax.abs(y)), y);
}

describe('jit fusion on backend gpujs', () => {
  it('runs an elementwise chain as one gpu.js kernel that agrees with eager evaluation', async () => {
    ax.setBackend('gpujs-fusion');
    const x = ax.array(Array.from({ length: 24 }, (_, k) => (k - 12) / 5)).reshape([4, 6]);
    const row = ax.array([0.5, -1, 2, 0, -0.25, 1]);
    const eager = await chain(x, row).data();
    const jitted = ax.jit(chain);
    const before = backend.stats().kernels;
    const fused = await jitted(x, row).data();
    expect(backend.stats().kernels - before).toBe(1);
    expect(Array.from(fused)).toEqual(Array.from(eager));
    // A second call of the same shapes compiles nothing.
    await jitted(x, row).data();
    expect(backend.stats().kernels - before).toBe(1);
  });
});
