import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { describe, expect, it } from 'vitest';
import { expectClose, expectTreeClose, values } from '../../close.js';
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
const collectionsOf = (layer: nn.pax.AnyBaseLayer, collection: string, name: string) =>
  (at(layer.abstractInit(), collection, name) as unknown as nn.WeightHParams).collections;

/** Checks grad of `sum(layer(x) * c)` with respect to the input and the params against finite differences. */
function expectGradOk(
  layer: nn.pax.BaseNormalization<nn.pax.NormalizationHParams, string>,
  x: ax.Array,
): void {
  const vars = layer.init(key, x);
  const c = ax.random.normal(ax.random.key(11), x.shape);
  const tree = { x, params: vars.params! };
  const loss = (t: typeof tree) =>
    layer
      .apply({ ...vars, params: t.params }, t.x)
      .mul(c)
      .sum();
  expectGradMatchesFiniteDifferences(loss, tree, [randomDirection(tree, 1), randomDirection(tree, 2)]);
}

describe('LayerNorm', () => {
  const x = ax.array([
    [1, 2, 3, 4],
    [2, 2, 2, 6],
  ]);
  // Row 1: mean 2.5, variance 1.25; row 2: mean 3, variance 3.
  const normed = [
    ...[1, 2, 3, 4].map((v) => (v - 2.5) / Math.sqrt(1.25 + 1e-6)),
    ...[2, 2, 2, 6].map((v) => (v - 3) / Math.sqrt(3 + 1e-6)),
  ];

  it("declares scale (0: Praxis's 1 + scale) and bias (0), both skipping Lp regularisation", () => {
    const ln = nn.pax.LayerNorm.config({ dim: 4 }).instantiate();
    expect(ln.hp.directScale).toBe(false);
    const vars = ln.init(key, x);
    expect(values(at(vars, 'params', 'scale'))).toEqual([0, 0, 0, 0]);
    expect(values(at(vars, 'params', 'bias'))).toEqual([0, 0, 0, 0]);
    expect(collectionsOf(ln, 'params', 'scale')).toContain(
      nn.pax.WeightHParamsCollection.SKIP_LP_REGULARIZATION,
    );
    expect(collectionsOf(ln, 'params', 'bias')).toContain(
      nn.pax.WeightHParamsCollection.SKIP_LP_REGULARIZATION,
    );
    expectClose(ln.apply(vars, x), normed, F32, 'normalised');
  });

  it('scales by 1 + scale, or by scale with directScale (initialised to 1), and adds bias (by hand)', () => {
    const ln = nn.pax.LayerNorm.config({ dim: 4 }).instantiate();
    const params = { scale: ax.full([4], 1), bias: ax.array([1, 0, 0, -1]) };
    const shift = [1, 0, 0, -1, 1, 0, 0, -1];
    expectClose(
      ln.apply({ params }, x),
      normed.map((v, i) => 2 * v + shift[i]!),
      F32,
      '1 + scale',
    );
    const direct = nn.pax.LayerNorm.config({ dim: 4, directScale: true }).instantiate();
    expect(values(at(direct.init(key, x), 'params', 'scale'))).toEqual([1, 1, 1, 1]);
    expectClose(
      direct.apply({ params }, x),
      normed.map((v, i) => v + shift[i]!),
      F32,
      'scale',
    );
  });

  it('has no variables with useScale and useBias false', () => {
    const bare = nn.pax.LayerNorm.config({ dim: 4, useScale: false, useBias: false }).instantiate();
    const vars = bare.init(key, x);
    expect(ax.tree.leaves(vars)).toEqual([]);
    expectClose(bare.apply(vars, x), normed, F32, 'bare');
  });

  it('names the layer when the last axis is not dim', () => {
    const ln = nn.pax.LayerNorm.config({ dim: 3, name: 'ln' }).instantiate();
    expectThrowsWith(() => ln.init(key, x), "LayerNorm 'ln'", 'size 3', 'float32[2, 4]');
  });

  it('grad matches finite differences; jit and vmap equal eager', () => {
    const ln = nn.pax.LayerNorm.config({ dim: 4 }).instantiate();
    const xr = ax.random.normal(ax.random.key(2), [3, 4]);
    expectGradOk(ln, xr);
    const vars = ln.init(key, xr);
    expectJitMatchesEager(ln, vars, xr);
    expectClose(ax.vmap((v: ax.Array) => ln.apply(vars, v))(xr), ln.apply(vars, xr), F32, 'vmap');
  });
});

describe('RmsNorm', () => {
  const x = ax.array([[3, 4]]);
  const r = Math.sqrt(12.5 + 1e-6);

  it('divides by the root mean square and scales by scale (1: directScale is the default)', () => {
    const rms = nn.pax.RmsNorm.config({ dim: 2 }).instantiate();
    const vars = rms.init(key, x);
    expect(values(at(vars, 'params', 'scale'))).toEqual([1, 1]);
    expectClose(rms.apply(vars, x), [3 / r, 4 / r], F32, 'rms');
    expectClose(rms.apply({ params: { scale: ax.array([2, -1]) } }, x), [6 / r, -4 / r], F32, 'scaled');
  });

  it('without directScale initialises scale to 0 and scales by 1 + scale', () => {
    const rms = nn.pax.RmsNorm.config({ dim: 2, directScale: false }).instantiate();
    const vars = rms.init(key, x);
    expect(values(at(vars, 'params', 'scale'))).toEqual([0, 0]);
    expectClose(rms.apply(vars, x), [3 / r, 4 / r], F32, '1 + 0');
    expectClose(rms.apply({ params: { scale: ax.array([1, -1]) } }, x), [6 / r, 0], F32, '1 + scale');
  });

  it('grad matches finite differences; jit equals eager', () => {
    const rms = nn.pax.RmsNorm.config({ dim: 3 }).instantiate();
    const xr = ax.random.normal(ax.random.key(3), [2, 2, 3]);
    expectGradOk(rms, xr);
    expectJitMatchesEager(rms, rms.init(key, xr), xr);
  });
});

describe('BatchNorm', () => {
  const x = ax.array([
    [1, 2],
    [3, 6],
  ]);
  // Per feature: mean [2, 4], variance [1, 4].
  const batchNormed = [
    -1 / Math.sqrt(1.001),
    -2 / Math.sqrt(4.001),
    1 / Math.sqrt(1.001),
    2 / Math.sqrt(4.001),
  ];
  const bn = (fields: Partial<nn.pax.BatchNormHParams> = {}) =>
    nn.pax.BatchNorm.config({ dim: 2, ...fields }).instantiate();
  const withMoving = (vars: nn.pax.Variables, mean: number[], variance: number[]): nn.pax.Variables => ({
    ...vars,
    non_trainable: { moving_mean: ax.array(mean), moving_variance: ax.array(variance) },
  });

  it('declares beta, gamma (0: the input is scaled by 1 + gamma) and non-trainable moving statistics', () => {
    const layer = bn();
    const vars = layer.init(key, x);
    expect(Object.keys(vars.params!).sort()).toEqual(['beta', 'gamma']);
    expect(values(at(vars, 'params', 'gamma'))).toEqual([0, 0]);
    expect(values(at(vars, 'non_trainable', 'moving_mean'))).toEqual([0, 0]);
    expect(values(at(vars, 'non_trainable', 'moving_variance'))).toEqual([1, 1]);
    for (const name of ['moving_mean', 'moving_variance']) {
      expect(collectionsOf(layer, 'non_trainable', name)).toEqual([
        nn.pax.WeightHParamsCollection.REQUIRES_MEAN_SYNC,
        nn.pax.WeightHParamsCollection.NON_TRAINABLE,
      ]);
    }
  });

  it('in training normalises with the batch statistics over all axes but the last (by hand)', () => {
    const layer = bn();
    const vars = layer.init(key, x);
    expectClose(layer.apply(vars, x), batchNormed, F32, 'batch statistics');
    const params = { beta: ax.array([1, -1]), gamma: ax.array([1, 0]) };
    const expected = batchNormed.map((v, i) => (i % 2 === 0 ? 2 * v + 1 : v - 1));
    expectClose(layer.apply({ ...vars, params }, x), expected, F32, 'beta and 1 + gamma');
    // Three axes: statistics over the first two.
    expectClose(layer.apply(vars, ax.reshape(x, [2, 1, 2])), batchNormed, F32, '3-d');
  });

  it('moves the moving statistics: decay * old + (1 - decay) * batch, when non_trainable is mutable', () => {
    const layer = bn({ decay: 0.9 });
    const vars = withMoving(layer.init(key, x), [0.5, -1], [2, 3]);
    const [y, updated] = layer.apply(vars, x, null, { mutable: ['non_trainable'] });
    expectClose(y, batchNormed, F32, 'output');
    expect(Object.keys(updated)).toEqual(['non_trainable']);
    const tight = { rtol: 1e-6, atol: 1e-7 };
    expectClose(
      at(updated, 'non_trainable', 'moving_mean'),
      [0.9 * 0.5 + 0.1 * 2, 0.9 * -1 + 0.1 * 4],
      tight,
      'mean',
    );
    expectClose(
      at(updated, 'non_trainable', 'moving_variance'),
      [0.9 * 2 + 0.1 * 1, 0.9 * 3 + 0.1 * 4],
      tight,
      'var',
    );
  });

  it('summarises the batch and moving statistics at DEBUG verbosity, the moving ones unmoved without mutable non_trainable', () => {
    const layer = bn({ decay: 0.9 });
    const vars = withMoving(layer.init(key, x), [0.5, -1], [2, 3]);
    const [, moved] = layer.apply(vars, x, null, { mutable: true });
    const s = moved.summaries as Record<string, ax.Array>;
    expect(Object.keys(s).sort()).toEqual([
      'mean_histogram',
      'moving_mean_histogram',
      'moving_variance_histogram',
      'variance_histogram',
    ]);
    expectClose(s.mean_histogram!, [2, 4], F32, 'mean summary');
    expectClose(s.moving_mean_histogram!, at(moved, 'non_trainable', 'moving_mean'), F32, 'moved summary');
    // Summaries alone mutable: the update is a no-op and the summary shows the old moving mean.
    const [, only] = layer.apply(vars, x, null, { mutable: ['summaries'] });
    expect(Object.keys(only)).toEqual(['summaries']);
    expectClose(at(only, 'summaries', 'moving_mean_histogram'), [0.5, -1], F32, 'unmoved summary');
    const quiet = nn.withContext({ summaryVerbosity: nn.pax.SummaryVerbosity.INFO }, () =>
      layer.apply(vars, x, null, { mutable: ['summaries'] }),
    );
    expect(quiet[1].summaries ?? {}).toEqual({});
  });

  it('in evaluation (or forceEvalMode) normalises with the moving statistics and leaves them alone', () => {
    const vars = withMoving(bn().init(key, x), [1, 2], [4, 0.25]);
    const expected = [(1 - 1) / Math.sqrt(4.001), 0, (3 - 1) / Math.sqrt(4.001), (6 - 2) / Math.sqrt(0.251)];
    const [y, after] = nn.withContext({ doEval: true }, () => bn().apply(vars, x, null, { mutable: true }));
    expectClose(y, expected, F32, 'eval');
    expectTreeClose(after.non_trainable, vars.non_trainable, { rtol: 0, atol: 0 }, 'eval update');
    expect(Object.keys(after.summaries!).sort()).toEqual([
      'moving_mean_histogram',
      'moving_variance_histogram',
    ]);
    const [yf, afterF] = bn({ forceEvalMode: true }).apply(vars, x, null, { mutable: true });
    expectClose(yf, expected, F32, 'forceEvalMode');
    expectTreeClose(afterF.non_trainable, vars.non_trainable, { rtol: 0, atol: 0 }, 'forced update');
  });

  it('with useMovingAvgInTraining normalises with the just-moved statistics, without beta and gamma', () => {
    const layer = bn({ decay: 0.5, useMovingAvgInTraining: true });
    const vars = withMoving(layer.init(key, x), [0, 0], [1, 1]);
    const params = { beta: ax.array([5, 5]), gamma: ax.array([5, 5]) };
    // Moved: mean [1, 2], variance [1, 2.5].
    const y = layer.apply({ ...vars, params }, x, null, { mutable: ['non_trainable'] })[0];
    expectClose(y, [0, 0, 2 / Math.sqrt(1.001), 4 / Math.sqrt(2.501)], F32, 'moving');
  });

  it('leaves padded positions out of the statistics and zeroes their outputs', () => {
    const layer = bn({ decay: 0 });
    const padded = ax.concatenate([x, ax.array([[100, -100]])], 0);
    const [y, moved] = layer.apply(layer.init(key, x), padded, ax.array([0, 0, 1]), {
      mutable: ['non_trainable'],
    });
    expectClose(y, [...batchNormed, 0, 0], F32, 'padded');
    expectClose(at(moved, 'non_trainable', 'moving_mean'), [2, 4], F32, 'padded mean');
    expectThrowsWith(() => layer.apply(layer.init(key, x), x, ax.zeros([3])), 'BatchNorm', 'paddings', '[2]');
  });

  it('rejects a 1-d input and a decay outside [0, 1]', () => {
    expectThrowsWith(() => bn().init(key, ax.ones([2])), 'BatchNorm', '[batch..., dim]', 'float32[2]');
    expectThrowsWith(() => bn({ decay: 1.5 }).init(key, x), 'BatchNorm', 'decay', '1.5');
  });

  it('grad matches finite differences (through the batch statistics); jit equals eager, updates included', () => {
    const layer = bn({ decay: 0.9 });
    const xr = ax.random.normal(ax.random.key(4), [5, 2]);
    expectGradOk(layer, xr);
    const vars = layer.init(key, xr);
    expectJitMatchesEager(layer, vars, xr);
    const step = (v: nn.pax.Variables, input: ax.Array) =>
      layer.apply(v, input, null, { mutable: ['non_trainable'] });
    expectTreeClose(ax.jit(step)(vars, xr), step(vars, xr), F32, 'jitted update');
  });
});
