// The browser lane's first test: chromium's WebGL2 (SwiftShader) runs our backend, not tfjs's
// CPU nor backend-cpu.
import * as ax from '@addax/core';
import { describe, expect, test } from 'vitest';
import '../../src/index.js';
import type { WebGLBackend } from '../../src/index.js';

describe('the browser lane', () => {
  test('runs on our webgl backend over WebGL2', () => {
    const backend = ax.getBackend() as WebGLBackend;
    expect(backend.name).toBe('webgl');
    expect(backend.webGLVersion).toBe(2);
    const gl = backend.tfBackend.gpgpu.gl;
    expect(gl).toBeInstanceOf(WebGL2RenderingContext);
    expect(backend.description).toMatch(/^WebGL2 /);
  });

  test('adds two arrays in a shader and reads the result back exactly', async () => {
    const y = ax.array([1, -0, 0.1, 3e38]).add(ax.array([2, -0, 0.2, 3e38]));
    expect(Array.from(await y.data())).toEqual([
      3,
      -0,
      Math.fround(Math.fround(0.1) + Math.fround(0.2)),
      Infinity,
    ]);
    expect(Array.from(y.dataSync())).toEqual(Array.from(await y.data()));
  });
});
