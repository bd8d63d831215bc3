import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { values } from './helpers.js';
import { expectClose, ULP } from './unary-helpers.js';

// Activation functions on 'cpu'. Expected values are the true values written out (from the
// definitions, in double); composites are checked to the relative tolerance stated in each test.
const f = Math.fround;
const INF = Infinity;

describe('relu family', () => {
  it('relu: max(x, 0), NaN kept, -0 to 0; integers stay integers, bool computes as int32', () => {
    expect(values(ax.relu(ax.array([-1, 0, 2, NaN, -0])))).toEqual([0, 0, 2, NaN, 0]);
    const i = ax.relu(ax.array([-3, 4], 'int32'));
    expect(i.dtype).toBe('int32');
    expect(values(i)).toEqual([0, 4]);
    expect(ax.relu(ax.array([true, false])).dtype).toBe('int32');
  });

  it('relu6 clips to [0, 6]', () => {
    expect(values(ax.relu6(ax.array([-1, 3, 8, NaN])))).toEqual([0, 3, 6, NaN]);
    expect(values(ax.relu6(ax.array([7, -7], 'int32')))).toEqual([6, 0]);
  });

  it('leakyRelu: slope 0.01 by default, -0 kept, dtype promoted with the slope', () => {
    expect(values(ax.leakyRelu(ax.array([-2, 3, -0])))).toEqual([f(-0.02), 3, -0]);
    const promoted = ax.leakyRelu(ax.array([-2, 3], 'int32'));
    expect(promoted.dtype).toBe('float32');
    expect(values(promoted)).toEqual([f(-0.02), 3]);
    const integral = ax.leakyRelu(ax.array([-2, 3], 'int32'), 2);
    expect(integral.dtype).toBe('int32');
    expect(values(integral)).toEqual([-4, 3]);
  });

  it('elu: x above 0, alpha (e^x - 1) below, -1 * alpha at -Infinity', () => {
    expectClose(ax.elu(ax.array([-1, 2, 0, -INF, NaN])), [-0.6321205588285577, 2, 0, -1, NaN], 2 * ULP);
    expectClose(ax.elu(ax.array([-1]), 2), [-1.2642411176571153], 2 * ULP);
  });

  it('checks the finite parameters', () => {
    expect(() => ax.leakyRelu(ax.array([1]), NaN)).toThrow(
      /leakyRelu: negativeSlope must be a finite number, got NaN/,
    );
    expect(() => ax.elu(ax.array([1]), INF)).toThrow(/elu: alpha must be a finite number, got Infinity/);
  });
});

describe('sigmoid family', () => {
  it('sigmoid within 2 ulp, accurate far into the negative tail', () => {
    expectClose(
      ax.sigmoid(ax.array([0, 20, -20, INF, -INF, NaN])),
      [0.5, 1, 2.0611536181902037e-9, 1, 0, NaN],
      2 * ULP,
    );
    expect(ax.sigmoid(ax.array([1], 'int32')).dtype).toBe('float32');
  });

  it('softplus is stable: no overflow at 100, the e^-100 tail kept at -100', () => {
    // log1p(e^-100) = e^-100 = 3.72e-44, a float32 subnormal.
    expect(values(ax.softplus(ax.array([100, -100, INF, -INF, NaN])))).toEqual([
      100,
      f(3.720075976020836e-44),
      INF,
      0,
      NaN,
    ]);
    expectClose(ax.softplus(ax.array([0, 1])), [Math.LN2, 1.3132616875182228], 2 * ULP);
  });

  it('logSigmoid = -softplus(-x): finite at -100, and -0 at +Infinity as in JAX', () => {
    expect(values(ax.logSigmoid(ax.array([-100, INF])))).toEqual([-100, -0]);
    expectClose(ax.logSigmoid(ax.array([0, 1])), [-Math.LN2, -0.31326168751822286], 2 * ULP);
  });

  it('silu = x sigmoid(x), within 3 ulp', () => {
    expectClose(ax.silu(ax.array([0, 1, -1])), [0, 0.7310585786300049, -0.2689414213699951], 3 * ULP);
  });
});

describe('gelu', () => {
  it('tanh approximation by default, within 8 ulp', () => {
    expectClose(
      ax.gelu(ax.array([0, 1, -1, 3])),
      [0, 0.8411919906082768, -0.15880800939172324, 2.996362607918227],
      8 * ULP,
    );
  });

  it('exact erf form with approximate = false: x Phi(x), within 8 ulp', () => {
    // Phi(1) = 0.8413447460685429.
    expectClose(ax.gelu(ax.array([0, 1, -1]), false), [0, 0.8413447460685429, -0.15865525393145707], 8 * ULP);
  });
});

describe('activations on zero-size arrays and scalars', () => {
  it('keep the shape', () => {
    for (const fn of [
      ax.relu,
      ax.relu6,
      ax.sigmoid,
      ax.logSigmoid,
      ax.softplus,
      ax.silu,
      ax.gelu,
      ax.elu,
      ax.leakyRelu,
    ]) {
      expect(fn(ax.zeros([0, 3])).shape).toEqual([0, 3]);
      expect(fn(ax.scalar(-1)).shape).toEqual([]);
    }
  });
});
