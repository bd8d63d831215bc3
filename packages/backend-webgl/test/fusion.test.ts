// jit on webgl: a chain of elementwise primitives (with a broadcast operand, or headed by a
// reduction) becomes one shader, computing what the same ops compute one at a time.
import * as ax from '@addax/core';
import { describe, expect, test, vi } from 'vitest';
import '../src/index.js';
import type { WebGLBackend } from '../src/index.js';

/** The bench's 10-op chain: mul, add, tanh, mul, sub, abs, add, sqrt, mul, exp. */
const chain = (x: ax.Array): ax.Array =>
  ax.exp(ax.sqrt(ax.abs(ax.tanh(x.mul(1.5).add(0.5)).mul(2).sub(0.3)).add(1)).mul(0.5));

/** Shader runs (tfjs programs) during `fn`. */
function programsRun(fn: () => void): number {
  const tf = (ax.getBackend() as WebGLBackend).tfBackend;
  const spy = vi.spyOn(tf, 'runWebGLProgram');
  try {
    fn();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

describe('jit fusion on webgl', () => {
  test('a jitted 10-op chain runs as one shader and equals eager evaluation exactly', async () => {
    const x = ax.linspace(-3, 3, 1000).reshape([10, 100]);
    const eager = await chain(x).data();
    const jitted = ax.jit(chain);
    jitted(x).dispose(); // traces and compiles
    let out: ax.Array | undefined;
    expect(programsRun(() => (out = jitted(x)))).toBe(1);
    expect(Array.from(await out!.data())).toEqual(Array.from(eager));
  });

  test('a broadcast operand and a comparison fuse with the chain around them', async () => {
    const f = (x: ax.Array, b: ax.Array): ax.Array =>
      ax.lax.select(ax.lax.gt(x.add(b), ax.zeros([3, 4])), x.mul(b), ax.exp(x));
    const x = ax.linspace(-2, 2, 12).reshape([3, 4]);
    const b = ax.array([0.5, -1, 2, 0]);
    const jitted = ax.jit(f);
    jitted(x, b).dispose();
    let out: ax.Array | undefined;
    expect(programsRun(() => (out = jitted(x, b)))).toBe(1);
    expect(Array.from(await out!.data())).toEqual(Array.from(await f(x, b).data()));
  });

  test('a reduction and its elementwise epilogue run as one shader', async () => {
    // A row's log-sum-exp after its max: reduceMax, then reduceSum of exp(x - max) with log and add after it.
    const f = (x: ax.Array): ax.Array => {
      const m = ax.max(x, 1);
      return ax
        .log(ax.sum(ax.exp(x.sub(m.reshape([4, 1]))), 1))
        .add(m)
        .mul(0.5);
    };
    const x = ax.linspace(-3, 3, 24).reshape([4, 6]);
    const jitted = ax.jit(f);
    jitted(x).dispose();
    let out: ax.Array | undefined;
    // max; exp(x - max) at [4, 6]; then sum, log, add, mul in one shader.
    expect(programsRun(() => (out = jitted(x)))).toBe(3);
    expect(Array.from(await out!.data())).toEqual(Array.from(await f(x).data()));
  });
});
