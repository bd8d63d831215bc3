// The Node lane's first test: the backend that runs is ours, on headless-gl's WebGL1, not a
// silent fallback to tfjs's CPU or to backend-cpu.
import * as ax from '@addax/core';
import { describe, expect, test } from 'vitest';
import '../src/index.js';
import type { WebGLBackend } from '../src/index.js';

describe('the Node lane', () => {
  test('runs on our webgl backend over headless-gl (WebGL1)', () => {
    const backend = ax.getBackend() as WebGLBackend;
    expect(backend.name).toBe('webgl');
    expect(backend.webGLVersion).toBe(1);
    const gl = backend.tfBackend.gpgpu.gl;
    expect(String(gl.getParameter(gl.VERSION))).toMatch(/^WebGL 1\.0/);
    expect(backend.description).toMatch(/^WebGL1 /);
  });

  test('adds two arrays in a shader and reads the result back exactly', async () => {
    const x = ax.array([1, -0, 0.1, 3e38]);
    const y = x.add(ax.array([2, -0, 0.2, 3e38]));
    expect(Array.from(await y.data())).toEqual([
      3,
      -0,
      Math.fround(Math.fround(0.1) + Math.fround(0.2)),
      Infinity,
    ]);
    expect(Array.from(y.dataSync())).toEqual(Array.from(await y.data()));
  });
});
