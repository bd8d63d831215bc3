import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { expectClose, expectTreeClose, values } from './close.js';

// References in float64 against our float32: the updates are products and quotients of a few
// float32 roundings of values of order 1, so 1e-5 relative (about 80 ulps) bounds the difference,
// and 1e-7 absolute covers entries near zero.
const F32 = { rtol: 1e-5, atol: 1e-7 };

/** One step of a reference optimizer on flat float64 vectors: the updates, given the params. */
type Reference = (grads: readonly number[], params: readonly number[]) => number[];

function refSgd(lr: number): Reference {
  return (g) => g.map((x) => -lr * x);
}

function refMomentum(lr: number, beta: number, nesterov: boolean): Reference {
  let trace: number[] | undefined;
  return (g) => {
    trace = g.map((x, i) => x + beta * (trace?.[i] ?? 0));
    return g.map((x, i) => -lr * (nesterov ? x + beta * trace![i]! : trace![i]!));
  };
}

// Kingma and Ba's Algorithm 1 with optax's placement of eps (outside the root) and bias corrections,
// plus AdamW's decoupled decay `weightDecay * param` added to the direction before the rate.
function refAdam(lr: number, b1: number, b2: number, eps: number, weightDecay = 0): Reference {
  let m: number[] | undefined;
  let v: number[] | undefined;
  let t = 0;
  return (g, p) => {
    t += 1;
    m = g.map((x, i) => b1 * (m?.[i] ?? 0) + (1 - b1) * x);
    v = g.map((x, i) => b2 * (v?.[i] ?? 0) + (1 - b2) * x * x);
    return g.map((_, i) => {
      const mHat = m![i]! / (1 - b1 ** t);
      const vHat = v![i]! / (1 - b2 ** t);
      return -lr * (mHat / (Math.sqrt(vHat) + eps) + weightDecay * p[i]!);
    });
  };
}

/** A deterministic gradient sequence of order 1 with both signs: step `s`, element `i`. */
const gradAt = (s: number, i: number): number => Math.sin(1.7 * s + 0.9 * i + 0.3) * (1 + 0.25 * i);

/**
 * Runs `opt` and `ref` side by side for `steps` steps on params of shape [2, 3] held in an object,
 * applying the updates, and compares the updates of each step.
 */
function expectMatchesReference(opt: nn.Optimizer, ref: Reference, steps = 5): void {
  let flat = [0.5, -1, 2, 0, -0.25, 1.5];
  let params = { w: ax.array(flat).reshape([2, 3]) };
  let state = opt.init(params);
  for (let s = 0; s < steps; s++) {
    const g = flat.map((_, i) => gradAt(s, i));
    const expected = ref(g, flat);
    const [updates, next] = opt.update({ w: ax.array(g).reshape([2, 3]) }, state, params);
    expectClose(updates.w, expected, F32, `step ${s + 1} updates`);
    expect(values(next.count)).toEqual([s + 1]);
    params = nn.applyUpdates(params, updates);
    flat = flat.map((x, i) => x + expected[i]!);
    state = next;
  }
  expectClose(params.w, flat, F32, 'params after the steps');
}

describe('optimizers against hand-written references', () => {
  it('sgd steps by -lr * grad', () => expectMatchesReference(nn.sgd(0.1), refSgd(0.1)));

  it('momentum accumulates trace = grad + beta * trace', () =>
    expectMatchesReference(nn.momentum(0.05, 0.9), refMomentum(0.05, 0.9, false)));

  it('momentum with nesterov steps along grad + beta * trace', () =>
    expectMatchesReference(nn.momentum(0.05, 0.8, { nesterov: true }), refMomentum(0.05, 0.8, true)));

  it('adam matches Kingma and Ba with bias correction (defaults b1 0.9, b2 0.999, eps 1e-8)', () =>
    expectMatchesReference(nn.adam(1e-2), refAdam(1e-2, 0.9, 0.999, 1e-8), 8));

  it('adam honours b1, b2 and eps', () =>
    expectMatchesReference(nn.adam(0.1, { b1: 0.5, b2: 0.9, eps: 0.1 }), refAdam(0.1, 0.5, 0.9, 0.1)));

  it('adamw adds the decoupled decay weightDecay * params (default 1e-4) before the rate', () => {
    expectMatchesReference(nn.adamw(1e-2, { weightDecay: 0.5 }), refAdam(1e-2, 0.9, 0.999, 1e-8, 0.5));
    expectMatchesReference(nn.adamw(1e-2), refAdam(1e-2, 0.9, 0.999, 1e-8, 1e-4));
  });
});

describe('state', () => {
  it('is a pytree of arrays: an int32 count at 0 and zeroed accumulators shaped like the params', () => {
    const params = { a: ax.ones([2, 3]), b: [ax.ones([4])] };
    const state = nn.adam(1e-3).init(params);
    expect([state.count.dtype, state.count.shape, values(state.count)]).toEqual(['int32', [], [0]]);
    expectTreeClose(
      state.mu,
      ax.tree.map((p) => ax.zerosLike(p as ax.Array), params),
      { rtol: 0, atol: 0 },
    );
    expectTreeClose(state.nu, state.mu, { rtol: 0, atol: 0 });
    expect(Object.keys(nn.momentum(0.1).init(params)).sort()).toEqual(['count', 'trace']);
    expect(Object.keys(nn.sgd(0.1).init(params))).toEqual(['count']);
  });
});

// A pytree class standing in for a Layer: transformations and optimizers must look inside it.
class Affine {
  constructor(
    readonly w: ax.Array,
    readonly b: ax.Array,
  ) {}
}
ax.registerPytree(
  Affine,
  (a) => [[a.w, a.b], null],
  (_, [w, b]) => new Affine(w as ax.Array, b as ax.Array),
);

interface Params {
  layers: Affine[];
  scale: { s: ax.Array };
}

const target = new Affine(
  ax.array([
    [1, -2],
    [0.5, 3],
  ]),
  ax.array([-1, 2]),
);

function quadratic(p: Params): ax.Array {
  const [l] = p.layers;
  return ax
    .sum(ax.square(l!.w.sub(target.w)))
    .add(ax.sum(ax.square(l!.b.sub(target.b))))
    .add(ax.sum(ax.square(p.scale.s.sub(0.5))));
}

const start = (): Params => ({
  layers: [new Affine(ax.zeros([2, 2]), ax.zeros([2]))],
  scale: { s: ax.array([4]) },
});

describe('nested pytrees, jit, vmap and grad', () => {
  const cases: [string, nn.Optimizer, number][] = [
    ['sgd', nn.sgd(0.1), 100],
    ['momentum', nn.momentum(0.02, 0.9), 200],
    ['adam', nn.adam(0.1), 300],
    ['adamw', nn.adamw(0.1, { weightDecay: 1e-4 }), 300],
  ];
  it.each(cases)('%s minimises a quadratic over objects, lists and a registered class', (_, opt, steps) => {
    let params = start();
    let state = opt.init(params);
    const initial = quadratic(params).item() as number;
    const step = ax.jit((p: Params, s: typeof state): [Params, typeof state] => {
      const [updates, next] = opt.update(ax.grad(quadratic)(p), s, p);
      return [nn.applyUpdates(p, updates), next];
    });
    for (let i = 0; i < steps; i++) [params, state] = step(params, state);
    expect(params.layers[0]).toBeInstanceOf(Affine);
    // Initial loss 27.5; the minimum is 0 (adamw's decay moves it by about 1e-4 * |w|).
    expect(quadratic(params).item() as number).toBeLessThan(1e-3 * initial);
  });

  it('a jitted update equals the unjitted one, step after step', () => {
    const opt = nn.adamw(0.05, { weightDecay: 0.1 });
    const jitted = ax.jit((g: Params, s: nn.AdamState, p: Params) => opt.update(g, s, p));
    let params = start();
    let eager = opt.init(params);
    let traced = opt.init(params);
    for (let i = 0; i < 4; i++) {
      const grads = ax.grad(quadratic)(params);
      const [u1, s1] = opt.update(grads, eager, params);
      const [u2, s2] = jitted(grads, traced, params);
      expect(u2.layers[0]).toBeInstanceOf(Affine);
      // The jitted program may fuse and reorder float32 operations: a few ulps.
      expectTreeClose(u2, u1, { rtol: 1e-6, atol: 1e-9 }, `updates ${i}`);
      expectTreeClose(s2, s1, { rtol: 1e-6, atol: 1e-9 }, `state ${i}`);
      params = nn.applyUpdates(params, u1);
      [eager, traced] = [s1, s2];
    }
  });

  it('vmap over a batch of params, grads and states equals a loop over them', () => {
    const opt = nn.adam(0.1);
    const params = {
      w: ax.array([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    };
    const grads = {
      w: ax.array([
        [0.5, -1],
        [2, 0.25],
        [-3, 1],
      ]),
    };
    const states = ax.vmap((p: { w: ax.Array }) => opt.init(p))(params);
    const [batched, next] = ax.vmap((g: typeof grads, s: nn.AdamState) => opt.update(g, s))(grads, states);
    expect(values(next.count)).toEqual([1, 1, 1]);
    for (let i = 0; i < 3; i++) {
      const row = (x: ax.Array): ax.Array => x.take([i], 0).reshape([2]);
      const [one] = opt.update({ w: row(grads.w) }, opt.init({ w: row(params.w) }));
      expectClose(row(batched.w), one.w, { rtol: 1e-6, atol: 1e-9 }, `row ${i}`);
    }
  });

  it('grad flows through update and applyUpdates', () => {
    // One sgd step on f(p) = sum((p - c)^2): p' = p - 2 lr (p - c), so
    // f(p') = (1 - 2 lr)^2 f(p) and its gradient is 2 (1 - 2 lr)^2 (p - c).
    const lr = 0.1;
    const c = ax.array([1, -1, 2]);
    const f = (p: ax.Array): ax.Array => ax.sum(ax.square(p.sub(c)));
    const opt = nn.sgd(lr);
    const afterStep = (p: ax.Array): ax.Array => {
      const [u] = opt.update(ax.grad(f)(p), opt.init(p));
      return f(nn.applyUpdates(p, u));
    };
    const p = ax.array([0, 0.5, 3]);
    expectClose(ax.grad(afterStep)(p), p.sub(c).mul(2 * (1 - 2 * lr) ** 2), F32);
  });
});

describe('learning-rate schedules', () => {
  it('calls the schedule with the count before the step, 0 first', () => {
    const seen: number[] = [];
    const opt = nn.sgd((step) => {
      seen.push(step.item() as number);
      return ax.multiply(0.1, ax.add(step, 1).astype('float32'));
    });
    let state = opt.init([ax.zeros([2])]);
    const g = [ax.array([1, -2])];
    const rates: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [u, next] = opt.update(g, state);
      rates.push(values(u[0]!)[0]!);
      state = next;
    }
    expect(seen).toEqual([0, 1, 2]);
    expectClose(ax.array(rates), [-0.1, -0.2, -0.3], F32);
  });

  it('works under jit, where the step is traced', () => {
    const opt = nn.adam((step) => ax.divide(0.1, ax.add(step, 1).astype('float32')));
    const ref = refAdam(0.1, 0.9, 0.999, 1e-8);
    const refHalf = refAdam(0.05, 0.9, 0.999, 1e-8);
    const update = ax.jit((g: ax.Array[], s: nn.AdamState) => opt.update(g, s));
    const g0 = [ax.array([1, -2])];
    const [u0, s1] = update(g0, opt.init(g0));
    expectClose(u0[0]!, ref([1, -2], [0, 0]), F32, 'step 1 at rate 0.1');
    // Step 2 at rate 0.05: replay step 1 in a reference with rate 0.05 to get its moments.
    refHalf([1, -2], [0, 0]);
    const [u1] = update([ax.array([0.5, 1])], s1);
    expectClose(u1[0]!, refHalf([0.5, 1], [0, 0]), F32, 'step 2 at rate 0.05');
  });

  it('rejects a schedule that returns anything but a float32 scalar', () => {
    const opt = nn.sgd(() => ax.ones([2]));
    expect(() => opt.update([ax.ones([2])], opt.init([ax.ones([2])]))).toThrow(
      /sgd.update: the learning-rate schedule must return a float32 scalar, got float32\[2\]/,
    );
  });
});

describe('memory', () => {
  const liveBuffers = (): number => ax.memory().cpu?.buffers ?? 0;

  it('init, update and applyUpdates keep alive only the arrays they return', () => {
    const params = { a: ax.ones([2, 3]), b: [ax.ones([4])] };
    const grads = { a: ax.ones([2, 3]), b: [ax.ones([4])] };
    const opt = nn.adamw((step) => ax.divide(1e-3, ax.add(step, 1).astype('float32')));
    const before = liveBuffers();
    const state = opt.init(params);
    // The count and two zeroed moments per leaf.
    expect(liveBuffers()).toBe(before + 1 + 2 * 2);
    const [updates, next] = opt.update(grads, state, params);
    // Two updates, the new count and two new moments per leaf.
    expect(liveBuffers()).toBe(before + 5 + 2 + 5);
    nn.applyUpdates(params, updates);
    expect(liveBuffers()).toBe(before + 5 + 2 + 5 + 2);
    expect(ax.tree.leaves(next)).toHaveLength(5);
  });
});

describe('applyUpdates', () => {
  it('adds leaf by leaf and keeps each parameter dtype', () => {
    const out = nn.applyUpdates(
      { f: ax.array([1, 2]), i: ax.array([1, 2], 'int32') },
      { f: ax.array([0.5, -1]), i: ax.array([0.5, 1.5]) },
    );
    expect(values(out.f)).toEqual([1.5, 1]);
    expect([out.i.dtype, values(out.i)]).toEqual(['int32', [1, 3]]);
  });
});

describe('errors', () => {
  const params = { a: ax.ones([2]), b: ax.ones([3]) };

  it('names a structure mismatch between grads and params or state', () => {
    const opt = nn.adam(1e-3);
    const state = opt.init(params);
    expect(() => opt.update<unknown>({ a: ax.ones([2]) }, state, params)).toThrow(
      /adam.update: params has structure \{a: \*, b: \*\}, but grads has \{a: \*\}/,
    );
    expect(() => opt.update({ a: ax.ones([2]), c: ax.ones([3]) }, state)).toThrow(
      /adam.update: state.mu has structure \{a: \*, b: \*\}, but grads has \{a: \*, c: \*\}/,
    );
    expect(() => nn.applyUpdates(params, [ax.ones([2]), ax.ones([3])])).toThrow(
      /applyUpdates: updates has structure \[\*, \*\], but params has \{a: \*, b: \*\}/,
    );
  });

  it('names a leaf whose shape differs', () => {
    const opt = nn.momentum(0.1);
    const state = opt.init(params);
    expect(() => opt.update({ a: ax.ones([2]), b: ax.ones([1, 3]) }, state)).toThrow(
      /momentum.update: leaf 1 of state.trace is float32\[3\], but leaf 1 of grads is float32\[1,? ?3\]/,
    );
  });

  it('names leaves that are not arrays, a foreign state and missing params for adamw', () => {
    expect(() => nn.sgd(0.1).init({ a: 1 })).toThrow(
      /sgd.init: leaf 0 of params \{a: \*\} is number, not an array/,
    );
    expect(() => nn.adam(0.1).update(params, nn.sgd(0.1).init(params) as nn.AdamState)).toThrow(
      /adam.update: state is missing mu, nu/,
    );
    const opt = nn.adamw(0.1);
    expect(() => opt.update(params, opt.init(params))).toThrow(/adamw.update: pass params/);
  });

  it('rejects hyperparameters out of range', () => {
    expect(() => nn.adam(0.1, { b1: 1 })).toThrow(/adam: b1 must be a finite number in \[0, 1\), got 1/);
    expect(() => nn.adamw(0.1, { b2: -0.1 })).toThrow(/adamw: b2 must be/);
    expect(() => nn.adam(0.1, { eps: -1 })).toThrow(/adam: eps must be a finite number >= 0/);
    expect(() => nn.momentum(0.1, 1.5)).toThrow(/momentum: beta must be a finite number in \[0, 1\)/);
    expect(() => nn.sgd(Number.NaN)).toThrow(/sgd: learningRate must be a finite number/);
  });
});
