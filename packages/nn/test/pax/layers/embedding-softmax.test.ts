import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { describe, expect, it } from 'vitest';
import { expectClose, expectTreeClose, values } from '../../close.js';
import { expectFiniteGrads } from './finite.js';

const { Embedding, FullSoftmax } = nn.pax;
const TOL = { rtol: 1e-5, atol: 1e-6 };
const ids = (rows: number[] | number[][]): ax.Array => ax.array(rows, 'int32');

describe('Embedding', () => {
  const table = ax.array([
    [0, 1],
    [2, 3],
    [4, 5],
  ]);
  const vars = { params: { emb_var: table } };
  const make = (cfg: Partial<nn.pax.EmbeddingHParams> = {}) =>
    Embedding.config({ numClasses: 3, inputDims: 2, ...cfg }).instantiate();

  it('declares emb_var [numClasses, inputDims]', () => {
    const v = make().init(ax.random.key(0), ids([0]));
    expect((v.params!.emb_var as ax.Array).shape).toEqual([3, 2]);
  });

  it('looks up rows by index and by one-hot matmul alike, with shape [...ids, inputDims]', () => {
    const x = ids([
      [0, 2],
      [1, 1],
    ]);
    const expected = [0, 1, 4, 5, 2, 3, 2, 3];
    for (const lookupStyle of ['index', 'matmul'] as const) {
      const y = make({ lookupStyle }).apply(vars, x);
      expect(y.shape).toEqual([2, 2, 2]);
      expectClose(y, expected, TOL, lookupStyle);
    }
  });

  it('treats out-of-range ids as JAX does: index wraps negatives and clamps, matmul gives zeros', () => {
    const x = ids([5, -1, -4]);
    expectClose(make().apply(vars, x), [4, 5, 4, 5, 0, 1], TOL, 'index');
    expectClose(make({ lookupStyle: 'matmul' }).apply(vars, x), [0, 0, 0, 0, 0, 0], TOL, 'matmul');
    const nan = values(make({ setNanForOobId: true }).apply(vars, ids([1, 3])));
    expect(nan.slice(0, 2)).toEqual([2, 3]);
    expect(nan.slice(2).every(Number.isNaN)).toBe(true);
  });

  it('scales by sqrt(inputDims) when scaleSqrtDepth', () => {
    expectClose(make({ scaleSqrtDepth: true }).apply(vars, ids([1])), [2 * Math.SQRT2, 3 * Math.SQRT2], TOL);
  });

  it('rejects float ids and a bad lookupStyle', () => {
    expect(() => make().apply(vars, ax.array([1]))).toThrow(
      /Embedding 'Embedding'.*ids must be an int32 array, got float32\[1\]/,
    );
    const bad = make({ lookupStyle: 'gather' as 'index' });
    expect(() => bad.init(ax.random.key(0), ids([0]))).toThrow(/lookupStyle must be 'index' or 'matmul'/);
  });

  it('under jit equals eager; its gradient counts each id', () => {
    const x = ids([0, 2, 2]);
    for (const lookupStyle of ['index', 'matmul'] as const) {
      const emb = make({ lookupStyle });
      const f = (v: typeof vars): ax.Array => emb.apply(v, x);
      expectClose(ax.jit(f)(vars), f(vars), TOL, `jit ${lookupStyle}`);
      const g = ax.grad((v: typeof vars) => ax.sum(f(v)))(vars);
      expectClose(g.params.emb_var, [1, 1, 0, 0, 2, 2], TOL, `grad ${lookupStyle}`);
    }
  });
});

describe('FullSoftmax', () => {
  const w = ax.array([
    [1, 0, -1],
    [0, 1, 1],
  ]);
  const vars = { params: { logits_ffn: { linear: { w }, bias: { b: ax.array([0, 0.5, 0]) } } } };
  const x = ax.array([
    [1, 2],
    [0, -1],
  ]);
  // x @ w + b, by hand.
  const logits = [
    [1, 2.5, 1],
    [0, -0.5, -1],
  ];
  const weights = ax.array([[1], [0.5]]);
  const classIds = ids([[1], [0]]);
  const make = (cfg: Partial<nn.pax.FullSoftmaxHParams> = {}) =>
    FullSoftmax.config({ inputDims: 2, numClasses: 3, ...cfg }).instantiate();
  const lse = (row: number[]): number => Math.log(row.reduce((s, v) => s + Math.exp(v), 0));
  /** -sum(q * log softmax(row)) for each row and its target distribution. */
  const xents = (targets: number[][]): number[] =>
    logits.map((row, i) => -row.reduce((s, v, c) => s + targets[i]![c]! * (v - lse(row)), 0));

  it('gives logits, log-probabilities and cross entropies of class ids, by hand', () => {
    const out = make().apply(vars, x, weights, { classIds });
    expectClose(out.logits, logits.flat(), TOL, 'logits');
    expectClose(
      out.logProbs,
      logits.flatMap((r) => r.map((v) => v - lse(r))),
      TOL,
      'logProbs',
    );
    const [x0, x1] = xents([
      [0, 1, 0],
      [1, 0, 0],
    ]) as [number, number];
    expectClose(out.perExampleXent, [x0, x1], TOL, 'perExampleXent');
    expectClose(out.perExampleArgmax, [1, 0], TOL, 'argmax');
    expectClose(out.totalXent, [x0 + 0.5 * x1], TOL, 'totalXent');
    expectClose(out.totalWeight, [1.5], TOL, 'totalWeight');
    expectClose(out.avgXent, [(x0 + 0.5 * x1) / (1.5 + 1e-6)], TOL, 'avgXent');
  });

  it('smooths labels (the label keeps 1 - p, the others share p), as the same probabilities given', () => {
    const smooth = [
      [0.1, 0.8, 0.1],
      [0.8, 0.1, 0.1],
    ];
    const out = make({ labelSmoothingProb: 0.2 }).apply(vars, x, weights, { classIds });
    expectClose(out.perExampleXent, xents(smooth), TOL, 'smoothed');
    const given = make().apply(vars, x, weights, { classProbabilities: ax.array(smooth) });
    expectTreeClose(given, out, TOL, 'classProbabilities');
    // Not at eval when labelSmoothingApplyForEval is false.
    const noEval = make({ labelSmoothingProb: 0.2, labelSmoothingApplyForEval: false });
    const evalOut = nn.withContext({ doEval: true }, () => noEval.apply(vars, x, weights, { classIds }));
    expectClose(
      evalOut.perExampleXent,
      make().apply(vars, x, weights, { classIds }).perExampleXent,
      TOL,
      'eval',
    );
  });

  it("runs getLogits through apply's method, soft-capped when asked", () => {
    const apply = (layer: nn.pax.FullSoftmax, ...args: unknown[]): ax.Array =>
      (layer.apply as unknown as (...a: unknown[]) => ax.Array).call(layer, vars, ...args);
    expectClose(apply(make(), x, { method: 'getLogits' }), logits.flat(), TOL, 'getLogits');
    expectClose(
      apply(make({ softCapLogits: 2 }), x, { method: 'getLogits' }),
      logits.flat().map((v) => 2 * Math.tanh(v / 2)),
      TOL,
      'capped',
    );
  });

  it('adds the z-loss as an aux loss and a summary', () => {
    const [, cols] = make({ zLossWeight: 0.1 }).apply(
      vars,
      x,
      weights,
      { classIds },
      { mutable: ['aux_loss', 'summaries'] },
    );
    const z = (0.1 * (lse(logits[0]!) ** 2 * 1 + lse(logits[1]!) ** 2 * 0.5)) / 1.5;
    expectClose((cols.aux_loss!.aux_z_loss as { value: ax.Array }).value, [z], TOL, 'aux loss');
    expectClose(cols.summaries!.aux_z_loss_scalar as ax.Array, [z], TOL, 'summary');
  });

  it("initialises Praxis's logits_ffn: linear.w [inputDims, numClasses] and bias.b at biasInit", () => {
    const v = make({ biasInit: 0.5 }).init(ax.random.key(0), x, weights, { classIds });
    const ffn = v.params!.logits_ffn as { linear: { w: ax.Array }; bias: { b: ax.Array } };
    expect(Object.keys(v.params!)).toEqual(['logits_ffn']);
    expect(ffn.linear.w.shape).toEqual([2, 3]);
    expect(values(ffn.bias.b)).toEqual([0.5, 0.5, 0.5]);
  });

  it('rejects missing targets, misshapen ids and weights, and a wrong input size', () => {
    const sm = make();
    expect(() => sm.apply(vars, x, weights, {} as nn.pax.SoftmaxTargets)).toThrow(
      /targets must be \{ classIds \} or \{ classProbabilities \}/,
    );
    expect(() => sm.apply(vars, x, weights, { classIds: ids([1, 0]) })).toThrow(
      /classIds must be \[2, 1\], got int32\[2\]/,
    );
    expect(() => sm.apply(vars, x, ax.ones([2]), { classIds })).toThrow(/last axis must have size 1/);
    expect(() => sm.apply(vars, ax.ones([2, 3]), weights, { classIds })).toThrow(
      /last axis must have size 2/,
    );
  });

  it('under jit equals eager, and its gradient is finite', () => {
    const sm = make({ labelSmoothingProb: 0.1, zLossWeight: 0.01 });
    const f = (v: typeof vars, xi: ax.Array) => sm.apply(v, xi, weights, { classIds });
    expectTreeClose(ax.jit(f)(vars, x), f(vars, x), TOL, 'jit');
    expectFiniteGrads(ax.grad((v: typeof vars) => f(v, x).avgXent)(vars));
  });
});
