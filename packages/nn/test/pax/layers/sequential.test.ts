import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../close.js';
import { expectFiniteGrads } from './finite.js';
import { Difference, Fork, ScaleShift } from './layers.js';

const { Sequential } = nn.pax;
const TOL = { rtol: 1e-6, atol: 1e-6 };

describe('Sequential', () => {
  const cfg = Sequential.config({
    layers: [ScaleShift.config({ dims: 3 }), ScaleShift.config({ dims: 3 }), ScaleShift.config({ dims: 3 })],
  });
  const x = ax.array([
    [0.5, -1, 2],
    [1, 0, -0.5],
  ]);

  it('has children layers_0..n, in order, with their variables under those names', () => {
    const seq = cfg.instantiate();
    expect([...seq.children.keys()]).toEqual(['layers_0', 'layers_1', 'layers_2']);
    expect(seq.hp.layers.map((l) => l.name)).toEqual(['layers_0', 'layers_1', 'layers_2']);
    const vars = seq.init(ax.random.key(0), x);
    expect(Object.keys(vars.params!)).toEqual(['layers_0', 'layers_1', 'layers_2']);
    expect(Object.keys(vars.params!.layers_0 as object)).toEqual(['w', 'b']);
  });

  it('feeds each output to the next layer', () => {
    const seq = cfg.instantiate();
    const vars = seq.init(ax.random.key(0), x);
    const p = vars.params as Record<string, { w: ax.Array; b: ax.Array }>;
    let expected = x;
    for (const name of ['layers_0', 'layers_1', 'layers_2'])
      expected = ax.tanh(expected.mul(p[name]!.w).add(p[name]!.b));
    expectClose(seq.apply(vars, x) as ax.Array, expected, TOL, 'chain');
  });

  it('runs on a fresh instance (never initialised), its children set up before they are called', () => {
    // FeedForward reads its children from fields its setup sets, before touching any variable.
    const ff = nn.pax.FeedForward.config({ inputDims: 3, outputDims: 3 });
    const two = Sequential.config({ layers: [ff, ff.clone()] });
    const initialised = two.instantiate();
    const vars = initialised.init(ax.random.key(0), x);
    const expected = initialised.apply(vars, x) as ax.Array;
    expectClose(two.instantiate().apply(vars, x) as ax.Array, expected, TOL, 'fresh');
  });

  it('spreads an array output into the next call, as Praxis unpacks a tuple', () => {
    const seq = Sequential.config({ layers: [Fork.config(), Difference.config()] }).instantiate();
    expectClose(seq.apply(seq.init(ax.random.key(0), x), x) as ax.Array, x.neg(), TOL, 'x - 2x');
  });

  it('with no layers returns its input', () => {
    const seq = Sequential.config().instantiate();
    expect(seq.apply(seq.init(ax.random.key(0), x), x)).toBe(x);
  });

  it('under jit equals eager, and its gradient is finite', () => {
    const seq = cfg.instantiate();
    const vars = seq.init(ax.random.key(0), x);
    const f = (v: typeof vars): ax.Array => ax.sum(ax.square(seq.apply(v, x) as ax.Array));
    expectClose(ax.jit(f)(vars), f(vars), { rtol: 1e-5, atol: 1e-6 }, 'jit');
    expectFiniteGrads(ax.grad(f)(vars));
  });
});
