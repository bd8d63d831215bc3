import * as ax from '@addax/core';
import { describe, expect, it } from 'vitest';
import { createGpujsBackend } from '../src/index.js';

const backend = createGpujsBackend({ mode: 'headlessgl' });
ax.registerBackend('gpujs-loop', () => ({ ...backend, name: 'gpujs-loop' }));

type Params = { w1: ax.Array; b1: ax.Array; w2: ax.Array; b2: ax.Array };

function loss(p: Params, x: ax.Array, y: ax.Array): ax.Array {
  const h = ax.tanh(ax.add(ax.matmul(x, p.w1), p.b1));
  const err = ax.subtract(ax.add(ax.matmul(h, p.w2), p.b2), y);
  return ax.mean(ax.multiply(err, err));
}

// One SGD step of a 4-16-1 MLP, jitted: what a training loop replays.
const step = ax.jit((p: Params, x: ax.Array, y: ax.Array): [Params, ax.Array] => {
  const [value, g] = ax.valueAndGrad(loss)(p, x, y) as [ax.Array, Params];
  const update = (w: ax.Array, dw: ax.Array): ax.Array => ax.subtract(w, ax.multiply(dw, 0.1));
  return [
    { w1: update(p.w1, g.w1), b1: update(p.b1, g.b1), w2: update(p.w2, g.w2), b2: update(p.b2, g.b2) },
    value,
  ];
});

describe('a jitted training loop on backend gpujs', () => {
  it('holds no more textures and compiles no more kernels after 1,000 steps than after the first', () => {
    ax.setBackend('gpujs-loop');
    const [k1, k2, k3] = [1, 2, 3].map((seed) => ax.random.key(seed));
    const x = ax.random.normal(k1!, [32, 4]);
    const y = ax.sum(ax.sin(x), 1, { keepdims: true });
    let params: Params = {
      w1: ax.multiply(ax.random.normal(k2!, [4, 16]), 0.5),
      b1: ax.zeros([16]),
      w2: ax.multiply(ax.random.normal(k3!, [16, 1]), 0.25),
      b2: ax.zeros([1]),
    };
    const run = (steps: number): number[] => {
      const losses: number[] = [];
      for (let s = 0; s < steps; s++) {
        const [next, value] = step(params, x, y);
        for (const leaf of Object.values(params)) leaf.dispose();
        params = next;
        losses.push(value.dataSync()[0]!);
        value.dispose();
      }
      return losses;
    };
    const first = run(1);
    const after = { ...backend.stats(), arrays: ax.memory()['gpujs-loop']!.buffers };
    const losses = run(999);
    const end = { ...backend.stats(), arrays: ax.memory()['gpujs-loop']!.buffers };
    expect(end.textures).toBe(after.textures);
    expect(end.kernels).toBe(after.kernels);
    expect(end.arrays).toBe(after.arrays);
    // It trains: the loss falls well below where it started.
    expect(losses.at(-1)!).toBeLessThan(first[0]! / 4);
    for (const a of [x, y, ...Object.values(params)]) a.dispose();
  }, 300_000);
});
