import * as ax from '@addax/core';
import { WebGL2Kernel } from 'gpu.js';
import { describe, expect, it } from 'vitest';
import { createGpujsBackend } from '../../src/index.js';

describe('backend gpujs in chromium', () => {
  it('is the default backend, on gpu.js mode webgl2 with its WebGL2 kernel class', async () => {
    const backend = ax.getBackend();
    expect(backend.name).toBe('gpujs');
    expect(backend.description).toMatch(/^gpu\.js webgl2/);
    const x = ax.array([1, 2, 3]);
    expect(Array.from(await ax.multiply(x, 2).data())).toEqual([2, 4, 6]);
    const own = createGpujsBackend();
    const buffer = own.upload(new Float32Array([1]), 'float32', [1]);
    expect(buffer.kind === 'texture' && buffer.texture.kernel instanceof WebGL2Kernel).toBe(true);
    own.dispose(buffer);
  });
});
