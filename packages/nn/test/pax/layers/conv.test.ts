import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { describe, expect, it } from 'vitest';
import { expectClose, values } from '../../close.js';
import { expectFiniteGrads } from './finite.js';

const { Conv2D } = nn.pax;
const TOL = { rtol: 1e-6, atol: 1e-6 };

/** A [1, h, w, 1] image holding `rows`. */
const image = (rows: number[][]): ax.Array => ax.array(rows).reshape([1, rows.length, rows[0]!.length, 1]);
const ones = (h: number, w: number): ax.Array => ax.ones([h, w, 1, 1]);

describe('Conv2D', () => {
  const x3 = image([
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ]);

  it('sums 2x2 windows: VALID, and SAME padding one row and column after', () => {
    const valid = Conv2D.config({ filterShape: [2, 2, 1, 1], padding: 'VALID' }).instantiate();
    expectClose(valid.apply({ params: { w: ones(2, 2) } }, x3), [12, 16, 24, 28], TOL, 'VALID');
    const same = Conv2D.config({ filterShape: [2, 2, 1, 1] }).instantiate();
    const y = same.apply({ params: { w: ones(2, 2) } }, x3);
    expect(y.shape).toEqual([1, 3, 3, 1]);
    expectClose(y, [12, 16, 9, 24, 28, 15, 15, 17, 9], TOL, 'SAME');
  });

  it('pads SAME as Praxis (filter - 1, smaller half first) unless tfEquivalentPadding', () => {
    // A 3-tap column filter with stride 2 over [1, 2, 3, 4]: Praxis pads (1, 1), TensorFlow (0, 1).
    const x = image([[1], [2], [3], [4]]);
    const vars = { params: { w: ones(3, 1) } };
    const praxis = Conv2D.config({ filterShape: [3, 1, 1, 1], filterStride: [2, 1] }).instantiate();
    expectClose(praxis.apply(vars, x), [3, 9], TOL, 'Praxis SAME');
    const tf = Conv2D.config({
      filterShape: [3, 1, 1, 1],
      filterStride: [2, 1],
      tfEquivalentPadding: true,
    }).instantiate();
    expectClose(tf.apply(vars, x), [6, 7], TOL, 'TF SAME');
  });

  it('dilates the kernel and adds the bias', () => {
    const x = image([[1], [2], [3], [4]]);
    const conv = Conv2D.config({
      filterShape: [2, 1, 1, 1],
      dilations: [2, 1],
      padding: 'VALID',
      bias: true,
    }).instantiate();
    const y = conv.apply({ params: { w: ones(2, 1), b: ax.array([0.5]) } }, x);
    expectClose(y, [4.5, 6.5], TOL, 'dilated + bias');
  });

  it('gives the output shapes of SAME, VALID and strides, with w of filterShape and b', () => {
    const x = ax.random.normal(ax.random.key(1), [2, 7, 6, 3]);
    const shapeOf = (cfg: Partial<nn.pax.Conv2DHParams>): number[] => {
      const conv = Conv2D.config({ filterShape: [3, 3, 3, 5], ...cfg }).instantiate();
      return conv.apply(conv.init(ax.random.key(0), x), x).shape as number[];
    };
    expect(shapeOf({})).toEqual([2, 7, 6, 5]);
    expect(shapeOf({ padding: 'VALID' })).toEqual([2, 5, 4, 5]);
    expect(shapeOf({ filterStride: [2, 2] })).toEqual([2, 4, 3, 5]);
    expect(shapeOf({ filterStride: [2, 3], padding: 'VALID' })).toEqual([2, 3, 2, 5]);
    const conv = Conv2D.config({ filterShape: [3, 3, 3, 5], bias: true }).instantiate();
    const vars = conv.init(ax.random.key(0), x);
    expect((vars.params!.w as ax.Array).shape).toEqual([3, 3, 3, 5]);
    expect(values(vars.params!.b as ax.Array)).toEqual([0, 0, 0, 0, 0]);
  });

  it('rejects a wrong channel count, a non-NHWC input and a bad filterShape clearly', () => {
    const conv = Conv2D.config({ filterShape: [3, 3, 2, 4] }).instantiate();
    const vars = conv.init(ax.random.key(0), ax.zeros([1, 5, 5, 2]));
    expect(() => conv.apply(vars, ax.zeros([1, 5, 5, 3]))).toThrow(
      /Conv2D 'Conv2D'.*3 channels, but filterShape \[3, 3, 2, 4\] takes 2/,
    );
    expect(() => conv.apply(vars, ax.zeros([5, 5, 2]))).toThrow(/inputs must be NHWC/);
    const bad = Conv2D.config({ filterShape: [3, 3, 2] as unknown as [number, number, number, number] });
    expect(() => bad.instantiate().init(ax.random.key(0), ax.zeros([1, 5, 5, 2]))).toThrow(
      /filterShape must be four positive integers/,
    );
  });

  it('is a grouped convolution on a multiple of the input channels, as in Praxis', () => {
    // Two groups of one channel: each output channel sees only its own input channel.
    const conv = Conv2D.config({ filterShape: [1, 1, 1, 2], padding: 'VALID' }).instantiate();
    const x = ax.array([1, 10]).reshape([1, 1, 1, 2]);
    expectClose(conv.apply({ params: { w: ax.array([2, 3]).reshape([1, 1, 1, 2]) } }, x), [2, 30], TOL);
  });

  it('under jit equals eager, and its gradient is finite', () => {
    const conv = Conv2D.config({ filterShape: [3, 3, 2, 4], filterStride: [2, 1], bias: true }).instantiate();
    const x = ax.random.normal(ax.random.key(1), [2, 5, 6, 2]);
    const vars = conv.init(ax.random.key(0), x);
    const f = (v: typeof vars, xi: ax.Array): ax.Array => conv.apply(v, xi);
    expectClose(ax.jit(f)(vars, x), f(vars, x), { rtol: 1e-5, atol: 1e-5 }, 'jit');
    const g = ax.grad((v: typeof vars) => ax.sum(ax.square(f(v, x))))(vars);
    expectFiniteGrads(g);
  });
});
