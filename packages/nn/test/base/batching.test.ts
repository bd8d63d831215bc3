import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { expectClose, values } from '../close.js';
import { resetSpy, ScaleState, Spy, spied, type SpyLayer } from './test-layers.js';

const EXACT = { rtol: 0, atol: 0 };
const spec2 = new ax.ShapeDtype([2], 'float32');
const xs = ax.array([
  [1, 2],
  [3, 5],
  [8, 13],
]);
const batchMean = ax.array([4, 20 / 3]);

describe('layer_cau under vmap: a layer with _callAndUpdateBatched', () => {
  const spy = Spy().init(ax.random.key(0), spec2);

  test('is called once on the whole batch; its updated layer comes back unbatched', () => {
    resetSpy();
    const [out, updated] = ax.vmap((x: ax.Array) => spy.callAndUpdate(x), { outAxes: [0, null] })(xs);
    expect(spied.batched).toHaveLength(1);
    expect(spied.call).toHaveLength(0);
    expectClose(out, xs.sub(batchMean), { rtol: 1e-6, atol: 1e-6 }, 'centred batch');
    expect(updated.state.mean.shape).toEqual([2]);
    expectClose(updated.state.mean, batchMean, { rtol: 1e-6, atol: 1e-6 }, 'batch mean as state');
  });

  test('an unbatched update may also be returned with the default outAxes 0: it is broadcast', () => {
    const updated = ax.vmap((x: ax.Array) => spy.update(x))(xs);
    expect(updated.state.mean.shape).toEqual([3, 2]);
    for (let i = 0; i < 3; i++) {
      expect(values(updated.state.mean).slice(2 * i, 2 * i + 2)).toEqual(values(batchMean));
    }
  });

  test('receives the keyword arguments _call and _update accept, and no others', () => {
    resetSpy();
    const rng = ax.random.key(1);
    ax.vmap((x: ax.Array) => spy.call(x, { training: false, rng, depth: 3 }))(xs);
    expect(spied.batched).toHaveLength(1);
    const got = spied.batched[0]!;
    expect(Object.keys(got).sort()).toEqual(['rng', 'training']);
    expect(got.training).toBe(false);
  });

  test('a mapped rng arrives as the batch of keys, one per example along axis 0', () => {
    resetSpy();
    const keys = ax.random.split(ax.random.key(7), 3);
    ax.vmap((x: ax.Array, k: ax.Array) => spy.call(x, { rng: k }))(xs, keys);
    const rng = spied.batched[0]!.rng!;
    expect(rng.shape).toEqual([3, 2]);
    expect(rng.dtype).toBe('uint32');
    // The layer runs eagerly inside the batch rule here, so the keys are concrete.
    expect(values(rng)).toEqual(values(keys));
  });

  test('under jit of vmap it is traced once, and the compiled result matches', () => {
    resetSpy();
    const f = ax.jit(ax.vmap((x: ax.Array) => spy.callAndUpdate(x), { outAxes: [0, null] }));
    const [out, updated] = f(xs);
    const traced = spied.batched.length;
    const [out2] = f(xs.mul(2));
    expect(traced).toBe(1);
    expect(spied.batched).toHaveLength(1);
    expectClose(out, xs.sub(batchMean), { rtol: 1e-6, atol: 1e-6 }, 'jit(vmap) output');
    expectClose(out2, xs.sub(batchMean).mul(2), { rtol: 1e-6, atol: 1e-6 }, 'second call');
    expectClose(updated.state.mean, batchMean, { rtol: 1e-6, atol: 1e-6 }, 'jit(vmap) state');
  });
});

describe('layer_cau under vmap: per-example fallbacks', () => {
  test('a layer without _callAndUpdateBatched is mapped per example, and its update comes back batched', () => {
    const s = ScaleState().init(ax.random.key(0), spec2);
    const [out, updated] = ax.vmap((x: ax.Array) => s.callAndUpdate(x))(xs);
    expectClose(out, xs.mul(2), EXACT, 'per-example output');
    expect(updated.state.scale.shape).toEqual([3, 2]);
    expectClose(updated.state.scale, xs, EXACT, 'each example’s own update');
  });

  test('batched parameters make even a layer with _callAndUpdateBatched map per example', () => {
    const a = Spy().init(ax.random.key(0), spec2);
    const b = a.replace({ state: { mean: ax.ones([2]) } });
    const stacked = ax.tree.map((u, v) => ax.stack([u as ax.Array, v as ax.Array]), a, b) as SpyLayer;
    resetSpy();
    const pair = ax.array([
      [1, 2],
      [3, 5],
    ]);
    const [out, updated] = ax.vmap((l: SpyLayer, x: ax.Array) => l.callAndUpdate(x))(stacked, pair);
    expect(spied.batched).toHaveLength(0);
    expect(spied.call.length).toBeGreaterThan(0);
    // One example's call is the identity and its update keeps the state.
    expectClose(out, pair, EXACT, 'identity per example');
    expect(values(updated.state.mean)).toEqual([0, 0, 1, 1]);
  });

  test('an unbatched input with the layer unbatched is not a batch: nothing is mapped', () => {
    const spy = Spy().init(ax.random.key(0), spec2);
    resetSpy();
    const out = ax.vmap((_: ax.Array) => spy.call(ax.array([1, 2])))(xs);
    expect(spied.batched).toHaveLength(0);
    expect(out.shape).toEqual([3, 2]);
    expect(values(out)).toEqual([1, 2, 1, 2, 1, 2]);
  });
});
