import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { describe, expect, it } from 'vitest';
import { expectClose, values } from '../../close.js';
import {
  expectGradMatchesFiniteDifferences,
  expectJitMatchesEager,
  expectThrowsWith,
  F32,
  randomDirection,
} from './apply-checks.js';

type Dict = Record<string, unknown>;
const key = ax.random.key(0);
const at = (tree: unknown, ...path: string[]): ax.Array =>
  path.reduce<unknown>((t, k) => (t as Dict)[k], tree) as ax.Array;
const w32 = ax.array([
  [1, 2],
  [3, 4],
  [5, 6],
]);

describe('Linear', () => {
  const linear = nn.pax.Linear.config({ inputDims: 3, outputDims: 2 }).instantiate();

  it('declares w of shape [inputDims, outputDims], drawn by the default Xavier', () => {
    const vars = linear.init(key, ax.ones([3]));
    const w = at(vars, 'params', 'w');
    expect(w.shape).toEqual([3, 2]);
    // Xavier: uniform within sqrt(6 / (3 + 2)) (times Praxis's 1.000001).
    expect(values(w).every((v) => Math.abs(v) <= Math.sqrt(6 / 5) * 1.000001)).toBe(true);
    expect(Object.keys(vars.non_trainable ?? {})).toEqual([]);
  });

  it('computes x @ w over the last axis, keeping leading axes (by hand)', () => {
    const vars = { params: { w: w32 } };
    expectClose(linear.apply(vars, ax.array([1, 0, 2])), [11, 14], F32, '1-d');
    const y = linear.apply(vars, ax.ones([2, 2, 3]));
    expect(y.shape).toEqual([2, 2, 2]);
    expectClose(y, [9, 12, 9, 12, 9, 12, 9, 12], F32, '3-d');
  });

  it('draws w with weightInit, else the paramsInit of its config', () => {
    const given = nn.pax.Linear.config({
      inputDims: 3,
      outputDims: 2,
      weightInit: nn.WeightInit.Constant(0.5),
    });
    expect(values(at(given.instantiate().init(key, ax.ones([3])), 'params', 'w'))).toEqual(
      Array(6).fill(0.5),
    );
    const inherited = nn.pax.Linear.config({
      inputDims: 3,
      outputDims: 2,
      paramsInit: nn.WeightInit.Constant(2),
    });
    expect(values(at(inherited.instantiate().init(key, ax.ones([3])), 'params', 'w'))).toEqual(
      Array(6).fill(2),
    );
  });

  it('names the layer and the shape when the last axis is wrong', () => {
    const named = nn.pax.Linear.config({ inputDims: 3, outputDims: 2, name: 'proj' }).instantiate();
    expectThrowsWith(
      () => named.apply({ params: { w: w32 } }, ax.ones([2, 4])),
      "Linear 'proj'",
      'size 3',
      'float32[2, 4]',
    );
  });

  it('rejects dims that are not positive integers', () => {
    const bad = nn.pax.Linear.config({ inputDims: 0, outputDims: 2 }).instantiate();
    expectThrowsWith(() => bad.init(key, ax.ones([3])), 'Linear', 'inputDims', 'positive integer', '0');
  });

  it('grad with respect to w is x^T c (by hand), and with respect to x is c w^T', () => {
    const x = ax.array([
      [1, 2, 3],
      [-1, 0, 1],
    ]);
    const c = ax.array([
      [1, 0],
      [0, 2],
    ]);
    const gw = ax.grad((w: ax.Array) => linear.apply({ params: { w } }, x).mul(c).sum())(w32);
    // x^T c = [[1, -2], [2, 0], [3, 2]].
    expectClose(gw, [1, -2, 2, 0, 3, 2], F32, 'dL/dw');
    const gx = ax.grad((v: ax.Array) =>
      linear
        .apply({ params: { w: w32 } }, v)
        .mul(c)
        .sum(),
    )(x);
    // c w^T = [[1, 3, 5], [4, 8, 12]].
    expectClose(gx, [1, 3, 5, 4, 8, 12], F32, 'dL/dx');
  });

  it('under jit and vmap equals eager', () => {
    const vars = linear.init(key, ax.ones([3]));
    const x = ax.random.normal(ax.random.key(1), [4, 3]);
    expectJitMatchesEager(linear, vars, x);
    expectClose(ax.vmap((v: ax.Array) => linear.apply(vars, v))(x), linear.apply(vars, x), F32, 'vmap');
  });
});

describe('Bias', () => {
  it('adds b, zeros by default or biasInit, to the last axis', () => {
    const zero = nn.pax.Bias.config({ dims: 2 }).instantiate();
    const x = ax.array([
      [1, 2],
      [3, 4],
    ]);
    const vars = zero.init(key, x);
    expect(values(at(vars, 'params', 'b'))).toEqual([0, 0]);
    expectClose(zero.apply({ params: { b: ax.array([10, 20]) } }, x), [11, 22, 13, 24], F32, 'x + b');
    const one = nn.pax.Bias.config({ dims: 2, biasInit: nn.WeightInit.Constant(1) }).instantiate();
    expect(values(at(one.init(key, x), 'params', 'b'))).toEqual([1, 1]);
    expectThrowsWith(() => zero.apply(vars, ax.ones([3])), "Bias 'Bias'", 'size 2');
  });

  it('grad with respect to b is the cotangent summed over the leading axes (by hand); jit equals eager', () => {
    const bias = nn.pax.Bias.config({ dims: 2 }).instantiate();
    const c = ax.array([
      [1, 2],
      [3, -4],
    ]);
    const gb = ax.grad((b: ax.Array) =>
      bias
        .apply({ params: { b } }, ax.zeros([2, 2]))
        .mul(c)
        .sum(),
    )(ax.zeros([2]));
    expectClose(gb, [4, -2], F32, 'dL/db');
    expectJitMatchesEager(bias, { params: { b: ax.array([1, -1]) } }, c);
  });
});

describe('FeedForward', () => {
  const cfg = () => nn.pax.FeedForward.config({ inputDims: 3, outputDims: 2 });

  it('has children linear, bias and activation (ReLU by default), and no bias when hasBias is false', () => {
    const ff = cfg().instantiate();
    expect([...ff.children.keys()]).toEqual(['linear', 'bias', 'activation']);
    expect(ff.children.get('activation')).toBeInstanceOf(nn.pax.ReLU);
    const vars = ff.init(key, ax.ones([3]));
    expect(Object.keys(vars.params!)).toEqual(['linear', 'bias']);
    expect(at(vars, 'params', 'linear', 'w').shape).toEqual([3, 2]);
    expect(at(vars, 'params', 'bias', 'b').shape).toEqual([2]);
    const noBias = cfg().set({ hasBias: false }).instantiate();
    expect([...noBias.children.keys()]).toEqual(['linear', 'activation']);
  });

  it('computes activation(x @ w + b) (by hand)', () => {
    const ff = cfg().instantiate();
    const vars = { params: { linear: { w: w32 }, bias: { b: ax.array([-20, 1]) } } };
    // [1, 0, 2] @ w = [11, 14]; + b = [-9, 15]; ReLU: [0, 15].
    expectClose(ff.apply(vars, ax.array([1, 0, 2])), [0, 15], F32, 'relu');
    const tanh = cfg().set({ activationTpl: nn.pax.Tanh.config() }).instantiate();
    expectClose(
      tanh.apply(vars, ax.array([0.1, 0, 0])),
      [Math.tanh(0.1 - 20), Math.tanh(0.2 + 1)],
      F32,
      'tanh',
    );
  });

  it('passes weightInit and biasInit to its children', () => {
    const ff = cfg()
      .set({ weightInit: nn.WeightInit.Constant(0.5), biasInit: nn.WeightInit.Constant(-1) })
      .instantiate();
    const vars = ff.init(key, ax.ones([3]));
    expect(values(at(vars, 'params', 'linear', 'w'))).toEqual(Array(6).fill(0.5));
    expect(values(at(vars, 'params', 'bias', 'b'))).toEqual([-1, -1]);
  });

  it("keeps each config's templates its own: setting one leaves the class's defaults alone", () => {
    const a = cfg();
    a.hp.linearTpl.set({ name: 'changed' });
    expect(cfg().hp.linearTpl.hp.name).toBeNull();
  });

  it('grad matches finite differences; jit equals eager', () => {
    const ff = cfg().set({ activationTpl: nn.pax.Tanh.config() }).instantiate();
    const x = ax.random.normal(ax.random.key(3), [4, 3]);
    const vars = ff.init(key, x);
    const loss = (params: nn.pax.Variables['params']) => ff.apply({ params }, x).square().sum();
    expectGradMatchesFiniteDifferences(loss, vars.params!, [randomDirection(vars.params!, 1)]);
    expectJitMatchesEager(ff, vars, x);
  });
});

describe('MLPBlock', () => {
  const cfg = (numLayers: number) =>
    nn.pax.MLPBlock.config({
      numLayers,
      hiddenDims: 5,
      ffTpl: nn.pax.FeedForward.config({ inputDims: 3, outputDims: 2 }),
    });

  it('has numLayers FeedForward children mlp_layers_i: in -> hidden -> ... -> out', () => {
    const mlp = cfg(3).instantiate();
    expect([...mlp.children.keys()]).toEqual(['mlp_layers_0', 'mlp_layers_1', 'mlp_layers_2']);
    const vars = mlp.init(key, ax.ones([4, 3]));
    const shapes = [0, 1, 2].map((i) => at(vars, 'params', `mlp_layers_${i}`, 'linear', 'w').shape);
    expect(shapes).toEqual([
      [3, 5],
      [5, 5],
      [5, 2],
    ]);
    expect(mlp.apply(vars, ax.ones([4, 3])).shape).toEqual([4, 2]);
    const one = cfg(1).instantiate();
    expect([...one.children.keys()]).toEqual(['mlp_layers_0']);
    expect(at(one.init(key, ax.ones([3])), 'params', 'mlp_layers_0', 'linear', 'w').shape).toEqual([3, 2]);
  });

  it("gives every layer, the last included, ffTpl's activation (as Praxis)", () => {
    const mlp = cfg(2).instantiate();
    for (const child of mlp.children.values())
      expect(child.children.get('activation')).toBeInstanceOf(nn.pax.ReLU);
    // The last ReLU shows in the output: a negative bias on the last layer gives zeros.
    const vars = mlp.init(key, ax.ones([3]));
    const params = vars.params as Dict;
    const last = { ...(params.mlp_layers_1 as Dict), bias: { b: ax.array([-100, -100]) } };
    expect(values(mlp.apply({ params: { ...params, mlp_layers_1: last } }, ax.ones([3])))).toEqual([0, 0]);
  });

  it('passes its paramsInit, fpropDtype and skipLpRegularization down to the Linear weights', () => {
    const mlp = cfg(2)
      .set({ paramsInit: nn.WeightInit.Constant(0.25), fpropDtype: 'float32', skipLpRegularization: true })
      .instantiate();
    const vars = mlp.init(key, ax.ones([3]));
    for (const i of [0, 1]) {
      expect(values(at(vars, 'params', `mlp_layers_${i}`, 'linear', 'w')).every((v) => v === 0.25)).toBe(
        true,
      );
      const linear = mlp.children.get(`mlp_layers_${i}`)!.children.get('linear')!;
      expect(linear.hp.fpropDtype).toBe('float32');
      expect(linear.hp.skipLpRegularization).toBe(true);
    }
    // The bias keeps its own init (zeros): an explicit init beats the inherited paramsInit.
    expect(values(at(vars, 'params', 'mlp_layers_0', 'bias', 'b'))).toEqual(Array(5).fill(0));
    const declared = at(
      mlp.abstractInit(),
      'params',
      'mlp_layers_1',
      'linear',
      'w',
    ) as unknown as nn.WeightHParams;
    expect(nn.pax.varSkipLpRegularization(declared)).toBe(true);
  });

  it('rejects numLayers < 1 and an ffTpl without dims, naming the field', () => {
    expectThrowsWith(
      () =>
        cfg(0)
          .instantiate()
          .init(key, ax.ones([3])),
      'MLPBlock',
      'numLayers',
      '0',
    );
    const noDims = nn.pax.MLPBlock.config({ hiddenDims: 4 }).instantiate();
    expectThrowsWith(() => noDims.init(key, ax.ones([3])), 'MLPBlock', 'ffTpl.inputDims', 'got 0');
  });

  it('grad matches finite differences; jit and vmap equal eager', () => {
    const mlp = cfg(3)
      .set({
        ffTpl: nn.pax.FeedForward.config({
          inputDims: 3,
          outputDims: 2,
          activationTpl: nn.pax.Tanh.config(),
        }),
      })
      .instantiate();
    const x = ax.random.normal(ax.random.key(4), [6, 3]);
    const vars = mlp.init(key, x);
    const loss = (params: nn.pax.Variables['params']) => mlp.apply({ params }, x).square().sum();
    expectGradMatchesFiniteDifferences(loss, vars.params!, [randomDirection(vars.params!, 2)]);
    expectJitMatchesEager(mlp, vars, x);
    expectClose(ax.vmap((v: ax.Array) => mlp.apply(vars, v))(x), mlp.apply(vars, x), F32, 'vmap');
  });
});
