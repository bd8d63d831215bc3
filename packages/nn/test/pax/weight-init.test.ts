import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { describe, expect, it } from 'vitest';
import { values } from '../close.js';

const { WeightHParams, WeightInit, initVar, fanInFanOut } = nn.pax;

describe("Praxis's fan-in and fan-out", () => {
  it('are none for a scalar, the size for a vector, and times the receptive field above', () => {
    expect(fanInFanOut([])).toEqual([null, null]);
    expect(fanInFanOut([1024])).toEqual([1024, 1024]);
    expect(fanInFanOut([64, 1024, 8192])).toEqual([65536, 524288]);
    expect(fanInFanOut([3, 3, 16, 32])).toEqual([144, 288]);
  });

  it('multiply the named axes instead when fanInAxes/fanOutAxes are given', () => {
    expect(fanInFanOut([4, 5, 6], [0, 1], [-1])).toEqual([20, 6]);
  });
});

/** Draws a large sample so its spread can be compared with the method's. */
function draw(init: nn.WeightInit, shape: number[]): number[] {
  return values(initVar('w', new WeightHParams({ shape, init, dtype: 'float32' }), ax.random.key(7)));
}

const std = (xs: number[]): number => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};
const maxAbs = (xs: number[]): number => xs.reduce((a, b) => Math.max(a, Math.abs(b)), 0);

describe('WeightInit methods draw with the scale Praxis gives them', () => {
  // 40,000 samples: the sample standard deviation is within 2% of the true one (over 5 sigma).
  const shape = [200, 200];
  const fan = 200;
  const stdTol = 0.02;
  const cases: [string, nn.WeightInit, number][] = [
    ['Gaussian', WeightInit.Gaussian(0.5), 0.5],
    ['GaussianSqrtDim', WeightInit.GaussianSqrtDim(2), 2 / Math.sqrt(200)],
    ['GaussianSqrtFanIn', WeightInit.GaussianSqrtFanIn(2), 2 / Math.sqrt(fan)],
    ['GaussianSqrtFanOut', WeightInit.GaussianSqrtFanOut(2), 2 / Math.sqrt(fan)],
    ['GaussianSqrtFanAvg', WeightInit.GaussianSqrtFanAvg(1), Math.sqrt(2 / (2 * fan))],
    ['Uniform', WeightInit.Uniform(3), 3 / Math.sqrt(3)],
    ['UniformSqrtDim', WeightInit.UniformSqrtDim(1), 1 / Math.sqrt(200) / Math.sqrt(3)],
    ['Xavier', WeightInit.Xavier(1), Math.sqrt(6 / (2 * fan)) / Math.sqrt(3)],
    ['UniformUnitScaling', WeightInit.UniformUnitScaling(1), Math.sqrt(3 / 200) / Math.sqrt(3)],
    // A standard normal truncated to [-2, 2] has standard deviation 0.8796.
    ['TruncatedGaussian', WeightInit.TruncatedGaussian(1), 0.8796],
    ['TruncatedGaussianSqrtFanIn', WeightInit.TruncatedGaussianSqrtFanIn(1), 0.8796 / Math.sqrt(fan)],
  ];
  for (const [name, init, expected] of cases) {
    it(`${name}: standard deviation ${expected.toPrecision(4)} within ${stdTol * 100}%`, () => {
      const xs = draw(init, shape);
      expect(Math.abs(std(xs) / expected - 1)).toBeLessThan(stdTol);
    });
  }

  it('uniform methods stay inside their limit, truncated ones inside two scales', () => {
    expect(maxAbs(draw(WeightInit.Xavier(1), shape))).toBeLessThanOrEqual(Math.sqrt(6 / 400));
    expect(maxAbs(draw(WeightInit.TruncatedGaussian(0.5), shape))).toBeLessThanOrEqual(1);
  });

  it('Constant fills every element with its scale, in the declared dtype', () => {
    const w = initVar(
      'c',
      new WeightHParams({ shape: [2, 3], init: WeightInit.Constant(0.25), dtype: 'float32' }),
      ax.random.key(0),
    );
    expect(w.dtype).toBe('float32');
    expect(values(w)).toEqual([0.25, 0.25, 0.25, 0.25, 0.25, 0.25]);
  });

  it('Xavier on a scalar weight is an error naming why, not a NaN', () => {
    expect(() =>
      initVar(
        's',
        new WeightHParams({ shape: [], init: WeightInit.Xavier(), dtype: 'float32' }),
        ax.random.key(0),
      ),
    ).toThrow(/scalar weight has no fan-in/);
  });

  it('a non-finite scale and a bad shape are errors', () => {
    expect(() => WeightInit.Gaussian(Number.NaN)).toThrow(/scale must be a finite number/);
    expect(() => new WeightHParams({ shape: [2, 0] })).toThrow(/positive integers/);
    expect(() => new WeightHParams({ shape: [2, 3], fanInAxes: [2] })).toThrow(/fanInAxes 2 is out of range/);
  });
});
