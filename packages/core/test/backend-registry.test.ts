import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EagerArray } from '@addax/core';

// Each test imports fresh copies of core and the CPU backend, so registry state never leaks between them.
async function fresh() {
  vi.resetModules();
  const ax = await import('@addax/core');
  await import('@addax/backend-cpu');
  return ax;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('backend registry', () => {
  it('makes the CPU backend the default once its package is imported', async () => {
    const ax = await fresh();
    expect(ax.getBackend().name).toBe('cpu');
    expect(ax.listBackends()).toEqual([
      { name: 'cpu', priority: 0, status: 'ready', current: true, description: 'CPU reference' },
    ]);
  });

  it('prefers the highest-priority backend that starts and reports why the others failed', async () => {
    const ax = await fresh();
    ax.registerBackend(
      'broken',
      () => {
        throw new Error('no WebGL context');
      },
      { priority: 10 },
    );
    expect(ax.getBackend().name).toBe('cpu');
    const broken = ax.listBackends().find((b) => b.name === 'broken');
    expect(broken).toMatchObject({ status: 'failed', error: 'no WebGL context', current: false });
  });

  it('refuses to switch to a backend that cannot start, saying why', async () => {
    const ax = await fresh();
    ax.registerBackend('broken', () => {
      throw new Error('no WebGL context');
    });
    expect(() => ax.setBackend('broken')).toThrow(/backend 'broken' failed to start: no WebGL context/);
    expect(ax.getBackend().name).toBe('cpu');
  });

  it('names the registered backends when asked for an unknown one', async () => {
    const ax = await fresh();
    expect(() => ax.setBackend('webgl')).toThrow(/no backend named 'webgl'; registered: cpu/);
  });

  it('uses the backend ADDAX_BACKEND names, and fails loudly if it cannot start', async () => {
    vi.stubEnv('ADDAX_BACKEND', 'broken');
    const ax = await fresh();
    ax.registerBackend(
      'broken',
      () => {
        throw new Error('driver missing');
      },
      { priority: -1 },
    );
    expect(() => ax.getBackend()).toThrow(/backend 'broken' failed to start: driver missing/);
  });

  it('rejects ADDAX_BACKEND naming a backend that is not installed', async () => {
    vi.stubEnv('ADDAX_BACKEND', 'gpujs');
    const ax = await fresh();
    expect(() => ax.zeros([2])).toThrow(
      /ADDAX_BACKEND=gpujs, but no backend by that name is registered; registered: cpu/,
    );
  });

  it('rejects registering a name twice', async () => {
    const ax = await fresh();
    expect(() => ax.registerBackend('cpu', () => ax.getBackend())).toThrow(/already registered/);
  });

  it('refuses to mix arrays from two backends in one operation', async () => {
    const ax = await fresh();
    const { createCpuBackend } = await import('@addax/backend-cpu');
    ax.registerBackend('other', () => createCpuBackend({ name: 'other' }));
    const a = ax.array([1, 2]);
    ax.setBackend('other');
    const b = ax.array([3, 4]);
    expect(() => ax.lax.add(a, b)).toThrow(/add: operands live on different backends \('cpu' and 'other'\)/);
    const moved = ax.devicePut(a, 'other');
    expect((moved as EagerArray).backend.name).toBe('other');
    expect(ax.lax.add(moved, b).arraySync()).toEqual([4, 6]);
    expect(ax.devicePut(b, 'other')).toBe(b);
  });

  it('runs a primitive through its decomposition when the backend has no kernel for it', async () => {
    const ax = await fresh();
    const { createCpuBackend } = await import('@addax/backend-cpu');
    const double = ax.definePrimitive<Record<string, never>>({
      name: 'testDouble',
      abstractEval: ([x]) => [x!],
      decompose: ([x]) => [ax.lax.add(x!, x!)],
    });
    ax.registerBackend('minimal', () => createCpuBackend({ name: 'minimal', only: ax.MINIMAL_PRIMITIVES }));
    ax.setBackend('minimal');
    const before = ax.memory().minimal?.buffers ?? 0;
    const x = ax.array([1, -2.5]);
    const [y] = ax.bind(double, [x], {});
    expect(await y!.data()).toEqual(new Float32Array([2, -5]));
    // The decomposition's intermediates are freed; only x and y remain.
    expect(ax.memory().minimal!.buffers).toBe(before + 2);
  });

  it("makes a decomposition's constants on the operands' backend, not the current one", async () => {
    const ax = await fresh();
    const { createCpuBackend } = await import('@addax/backend-cpu');
    ax.registerBackend('minimal', () => createCpuBackend({ name: 'minimal', only: ax.MINIMAL_PRIMITIVES }));
    ax.setBackend('minimal');
    const x = ax.array([1, 5]);
    const y = ax.array([3, 2]);
    ax.setBackend('cpu');
    // On 'minimal', sub has no kernel; its decomposition makes a -1 constant, which must live on 'minimal' too.
    const d = ax.lax.sub(x, y);
    expect(d.arraySync()).toEqual([-2, 3]);
    expect((d as EagerArray).backend.name).toBe('minimal');
  });

  it("makes the JS scalars of a numpy-style operation on the array operands' backend", async () => {
    const ax = await fresh();
    const { createCpuBackend } = await import('@addax/backend-cpu');
    ax.registerBackend('other', () => createCpuBackend({ name: 'other' }));
    ax.setBackend('other');
    const x = ax.array([1, 2]);
    ax.setBackend('cpu');
    const y = x.add(1);
    expect(y.arraySync()).toEqual([2, 3]);
    expect((y as EagerArray).backend.name).toBe('other');
  });

  it('says which backend lacks a kernel when a primitive has no decomposition either', async () => {
    const ax = await fresh();
    const opaque = ax.definePrimitive<Record<string, never>>({
      name: 'testOpaque',
      abstractEval: ([x]) => [x!],
    });
    expect(() => ax.bind(opaque, [ax.array([1])], {})).toThrow(
      /testOpaque: backend 'cpu' has no kernel for it and it has no decomposition/,
    );
  });
});
