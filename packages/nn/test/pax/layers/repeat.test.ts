import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { describe, expect, it } from 'vitest';
import { expectClose, expectTreeClose, values } from '../../close.js';
import { expectFiniteGrads } from './finite.js';
import { RunningMean, ScaleShift } from './layers.js';

const { Repeat } = nn.pax;
const TOL = { rtol: 1e-5, atol: 1e-6 };

/** `x` plus normal noise from the `random` stream, and a summary and an aux loss of its mean. */
class Noisy extends nn.BaseLayer {
  call(x: ax.Array): ax.Array {
    this.addSummary('mean', ax.mean(x));
    this.addAuxLoss('size', ax.sum(ax.square(x)));
    return x.add(ax.random.normal(this.nextPrngKey(), x.shape));
  }
}

const slice = (tree: unknown, i: number): unknown => ax.tree.map((v) => ax.take(v as ax.Array, i, 0), tree);

describe('Repeat', () => {
  const x = ax.array([
    [0.5, -1, 2],
    [1, 0, -0.5],
  ]);
  const sub = ScaleShift.config({ dims: 3 });
  const repeat = Repeat.config({ subTpl: sub, xTimes: 3 }).instantiate();
  const vars = repeat.init(ax.random.key(0), x);
  const p = vars.params!.sub as { w: ax.Array; b: ax.Array };
  /** The sub-layer applied once per slice of `params`, in order, outside any loop. */
  const unrolled = (params: unknown, input: ax.Array): ax.Array => {
    const one = sub.instantiate();
    let y = input;
    for (let i = 0; i < 3; i++) y = one.apply({ params: slice(params, i) as Record<string, unknown> }, y);
    return y;
  };

  it("stacks the sub-layer's variables along [xTimes], each slice drawn with its own key", () => {
    expect(Object.keys(vars.params!)).toEqual(['sub']);
    expect(p.w.shape).toEqual([3, 3]);
    expect(p.b.shape).toEqual([3, 3]);
    const [w0, w1, w2] = [0, 1, 2].map((i) => values(ax.take(p.w, i, 0)).join());
    expect(new Set([w0, w1, w2]).size).toBe(3);
    const abstract = repeat.abstractInit().params!.sub as { w: nn.WeightHParams };
    expect(abstract.w.shape).toEqual([3, 3]);
  });

  it('equals applying the sub-layer three times with the three slices', () => {
    expectClose(repeat.apply(vars, x) as ax.Array, unrolled(vars.params!.sub, x), TOL, 'repeat');
  });

  it('under jit equals eager; its gradient is finite and equals the unrolled one', () => {
    const f = (v: typeof vars): ax.Array => ax.sum(ax.square(repeat.apply(v, x) as ax.Array));
    expectClose(ax.jit(f)(vars), f(vars), TOL, 'jit');
    const g = ax.grad(f)(vars);
    expectFiniteGrads(g);
    const gUnrolled = ax.grad((params: unknown) => ax.sum(ax.square(unrolled(params, x))))(vars.params!.sub);
    expectTreeClose((g.params as { sub: unknown }).sub, gUnrolled, TOL, 'grad');
  });

  it('nests: Repeat(Repeat(sub, 2), 3) stacks [3, 2] and applies the six slices in order', () => {
    const inner = Repeat.config({ subTpl: sub, xTimes: 2 });
    const outer = Repeat.config({ subTpl: inner, xTimes: 3 }).instantiate();
    const v = outer.init(ax.random.key(1), x);
    const leaves = (v.params!.sub as { sub: { w: ax.Array; b: ax.Array } }).sub;
    expect(leaves.w.shape).toEqual([3, 2, 3]);
    const one = sub.instantiate();
    let y = x;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 2; j++)
        y = one.apply({ params: slice(slice(leaves, i), j) as Record<string, unknown> }, y);
    expectClose(outer.apply(v, x) as ax.Array, y, TOL, 'nested');
  });

  it('returns non-trainable updates stacked, and reads each slice in eval', () => {
    const rm = Repeat.config({ subTpl: RunningMean.config({ dims: 3 }), xTimes: 2 }).instantiate();
    const v = rm.init(ax.random.key(0), x);
    expect((v.non_trainable!.sub as { mean: ax.Array }).mean.shape).toEqual([2, 3]);
    const [y, updated] = rm.apply(v, x, { mutable: ['non_trainable'] });
    // By hand: each application centres its input; the first moves its mean half-way to mean(x),
    // the second sees a centred input, so its mean stays 0.
    const mx = values(ax.mean(x, 0));
    expectClose(y as ax.Array, x.sub(ax.mean(x, 0)), TOL, 'output');
    expectClose(
      (updated.non_trainable!.sub as { mean: ax.Array }).mean,
      [...mx.map((m) => m / 2), 0, 0, 0],
      TOL,
    );
    const means = {
      ...v,
      non_trainable: {
        sub: {
          mean: ax.array([
            [1, 1, 1],
            [2, 2, 2],
          ]),
        },
      },
    };
    const evaluated = nn.withContext({ doEval: true }, () => rm.apply(means, x));
    expectClose(evaluated as ax.Array, x.sub(3), TOL, 'eval');
  });

  it('folds each random stream with the iteration; summaries come back stacked, aux losses summed', () => {
    const zeros = ax.zeros([4]);
    const run = (xTimes: number) => {
      const layer = Repeat.config({ subTpl: Noisy.config(), xTimes }).instantiate();
      return layer.apply({}, zeros, {
        rngs: { random: ax.random.key(3) },
        mutable: ['summaries', 'aux_loss'],
      });
    };
    const [once] = run(1);
    const [twice, cols] = run(2);
    const first = once as ax.Array;
    const second = (twice as ax.Array).sub(first);
    expect(values(second)).not.toEqual(values(first));
    const summary = (cols.summaries!.sub as Record<string, ax.Array>).mean_scalar!;
    expectClose(summary, [0, values(ax.mean(first))[0]!], TOL, 'summaries');
    const aux = (cols.aux_loss!.sub as { size: { value: ax.Array; weight: ax.Array } }).size;
    expectClose(aux.value, [values(ax.sum(ax.square(first)))[0]!], TOL, 'aux loss');
    expectClose(aux.weight, [2], TOL, 'aux weight');
  });

  it('rejects a non-positive xTimes and a sub-layer that changes the carry', () => {
    const bad = Repeat.config({ subTpl: sub, xTimes: 0 }).instantiate();
    expect(() => bad.init(ax.random.key(0), x)).toThrow(/xTimes must be a positive integer, got 0/);
    const widen = Repeat.config({ subTpl: nn.pax.Linear.config({ inputDims: 3, outputDims: 2 }), xTimes: 2 });
    expect(() => widen.instantiate().init(ax.random.key(0), x)).toThrow(/carry/);
  });
});
