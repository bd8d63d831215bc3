import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { initializers as I } from '@addax/nn';
import { expectClose, values } from './close.js';

const key = ax.random.key(0);

/** Sample mean and (population) variance. */
function moments(x: ax.Array): { mean: number; variance: number } {
  const v = values(x);
  const mean = v.reduce((s, t) => s + t, 0) / v.length;
  return { mean, variance: v.reduce((s, t) => s + (t - mean) ** 2, 0) / v.length };
}

// Statistics on large samples. The sample variance of N draws has standard error
// sigma^2 * sqrt((kurtosis - 1) / N), with kurtosis 3 for a normal, 1.8 for a uniform and about 2.4
// for a normal truncated at +-2, so at N = 65536 it is at most 0.55% of sigma^2 (0.74% at the
// N = 36864 of the conv kernel below): a 4% tolerance is over 5 standard errors, while the mistakes
// it guards against are far larger (omitting the truncation correction is 23% off, fanIn for fanAvg
// 2x). The mean's standard error is sigma / sqrt(N) (0.4% of sigma at N = 65536), allowed 3%.
const VARIANCE_RTOL = 0.04;
const MEAN_TOL_IN_SIGMAS = 0.03;

function expectMoments(x: ax.Array, variance: number): void {
  const m = moments(x);
  expect(Math.abs(m.variance - variance) / variance).toBeLessThanOrEqual(VARIANCE_RTOL);
  expect(Math.abs(m.mean)).toBeLessThanOrEqual(MEAN_TOL_IN_SIGMAS * Math.sqrt(variance));
}

describe('computeFans', () => {
  it('takes the last two axes of a dense weight as input and output', () => {
    expect(I.computeFans([784, 10])).toEqual({ fanIn: 784, fanOut: 10 });
  });

  it('multiplies both fans by the receptive field of an HWIO conv kernel', () => {
    // 3 x 3 window, 16 input channels, 32 output channels: 3*3*16 = 144 in, 3*3*32 = 288 out.
    expect(I.computeFans([3, 3, 16, 32])).toEqual({ fanIn: 144, fanOut: 288 });
    // A 1-D kernel (width 5, 4 in, 6 out): 20 in, 30 out.
    expect(I.computeFans([5, 4, 6])).toEqual({ fanIn: 20, fanOut: 30 });
  });

  it('follows inAxis, outAxis and batchAxis', () => {
    // OIHW layout: out axis 0, in axis 1, receptive field 3*3.
    expect(I.computeFans([32, 16, 3, 3], { inAxis: 1, outAxis: 0 })).toEqual({ fanIn: 144, fanOut: 288 });
    // Several input axes multiply; a batch axis counts in neither fan.
    expect(I.computeFans([2, 3, 4], { inAxis: [0, 1], outAxis: 2 })).toEqual({ fanIn: 6, fanOut: 4 });
    expect(I.computeFans([7, 5, 6], { batchAxis: [0] })).toEqual({ fanIn: 5, fanOut: 6 });
  });

  it('rejects shapes of rank below 2, axes out of range and axes named twice', () => {
    expect(() => I.computeFans([10])).toThrow(/\[10\] of rank 1; it must have at least 2 axes/);
    expect(() => I.computeFans([3, 4], { inAxis: 2 })).toThrow(/inAxis 2 is out of range .* rank 2/);
    expect(() => I.computeFans([3, 4], { inAxis: -1 })).toThrow(/axis 1 is named by both inAxis and outAxis/);
  });
});

describe('variance-scaling initializers', () => {
  // Fan 256 either way, so every mode divides by 256.
  const dense = [256, 256];
  const cases: [string, I.Initializer, number][] = [
    ['glorotUniform', I.glorotUniform(), 1 / 256],
    ['glorotNormal', I.glorotNormal(), 1 / 256],
    ['heUniform', I.heUniform(), 2 / 256],
    ['heNormal', I.heNormal(), 2 / 256],
    ['lecunUniform', I.lecunUniform(), 1 / 256],
    ['lecunNormal', I.lecunNormal(), 1 / 256],
    ['varianceScaling(3, fanOut, normal)', I.varianceScaling(3, 'fanOut', 'normal'), 3 / 256],
  ];
  it.each(cases)('%s has the stated variance on a dense shape', (_, init, variance) => {
    expectMoments(init(key, dense), variance);
  });

  it('uses the HWIO receptive field: heNormal on [3, 3, 64, 64] has variance 2 / (3 * 3 * 64)', () => {
    expectMoments(I.heNormal()(key, [3, 3, 64, 64]), 2 / 576);
    // fanAvg of a non-square kernel [3, 3, 32, 96]: (288 + 864) / 2 = 576.
    expectMoments(I.glorotUniform()(key, [3, 3, 32, 96]), 1 / 576);
  });

  it('keeps uniform samples in [-sqrt(3 var), sqrt(3 var)) and truncated ones within 2 stddevs', () => {
    const bound = Math.sqrt(3 * (2 / 256));
    const u = values(I.heUniform()(key, dense));
    expect(Math.max(...u.map(Math.abs))).toBeLessThanOrEqual(bound);
    // 2 standard deviations of the normal before truncation (stddev / 0.8796...).
    const cut = (2 * Math.sqrt(1 / 256)) / 0.87962566103423978;
    const t = values(I.lecunNormal()(key, dense));
    expect(Math.max(...t.map(Math.abs))).toBeLessThan(cut * (1 + 1e-6));
  });

  // jax/_src/nn/initializers.py docstring examples for PRNGKey(42) and shape (2, 3). They agree
  // to float32 rounding (erfInv's rounding differs by an ulp or so), hence rtol 1e-6.
  const jaxDocs: [string, I.Initializer, number[]][] = [
    [
      'glorotUniform',
      I.glorotUniform(),
      [0.50350785, 0.8088631, 0.81566876, -0.6393332, -0.6865721, 0.11003882],
    ],
    [
      'glorotNormal',
      I.glorotNormal(),
      [0.41770416, 0.75262755, 0.7619329, -0.5516644, -0.6028657, 0.08661086],
    ],
    ['heUniform', I.heUniform(), [0.79611576, 1.2789248, 1.2896855, -1.0108745, -1.0855657, 0.17398663]],
    ['heNormal', I.heNormal(), [0.6604483, 1.1900088, 1.2047218, -0.87225807, -0.95321447, 0.1369438]],
    [
      'lecunUniform',
      I.lecunUniform(),
      [0.56293887, 0.90433645, 0.9119454, -0.71479625, -0.7676109, 0.12302713],
    ],
    [
      'lecunNormal',
      I.lecunNormal(),
      [0.46700746, 0.8414632, 0.8518669, -0.61677957, -0.67402434, 0.09683388],
    ],
    ['normal(5)', I.normal(5), [3.0613258, 5.6129413, 5.6866574, -4.063663, -4.4520254, 0.63115686]],
    ['uniform(10)', I.uniform(10), [7.298188, 8.691938, 8.7230015, 2.0818567, 1.8662417, 5.5022564]],
    [
      'truncatedNormal(5)',
      I.truncatedNormal(5),
      [2.9047365, 5.2338114, 5.29852, -3.836303, -4.192359, 0.6022964],
    ],
  ];
  it.each(jaxDocs)('%s gives the values JAX documents for PRNGKey(42)', (_, init, expected) => {
    expectClose(init(ax.random.key(42), [2, 3]), expected, { rtol: 1e-6, atol: 1e-7 });
  });

  it('names the initializer and the problem for bad parameters and shapes', () => {
    expect(() => I.varianceScaling(0, 'fanIn', 'normal')).toThrow(
      /initializers.varianceScaling: scale must be a positive finite number, got 0/,
    );
    expect(() => I.varianceScaling(1, 'fan_in' as I.FanMode, 'normal')).toThrow(
      /mode must be one of fanIn, fanOut, fanAvg, got fan_in/,
    );
    expect(() => I.varianceScaling(1, 'fanIn', 'gaussian' as I.VarianceDistribution)).toThrow(
      /distribution must be one of truncatedNormal, normal, uniform, got gaussian/,
    );
    expect(() => I.heNormal()(key, [64])).toThrow(/initializers.heNormal: .*\[64\] of rank 1/);
    expect(() => I.glorotUniform()(key, [3, -1])).toThrow(ax.ShapeError);
    expect(() => I.glorotUniform({ inAxis: 5 })(key, [3, 4])).toThrow(
      /glorotUniform: inAxis 5 is out of range/,
    );
    expect(() => I.lecunNormal()(key, [3, 4], 'int32')).toThrow(ax.DTypeError);
    expect(() => I.lecunNormal()(key, [3, 4], 'int32')).toThrow(/lecunNormal: .*got dtype int32/);
  });
});

describe('normal, uniform and truncatedNormal', () => {
  const shape = [256, 256];

  it('normal(stddev) has variance stddev^2', () => {
    expectMoments(I.normal(0.1)(key, shape), 0.01);
    expectMoments(I.normal()(key, shape), 1e-4);
  });

  it('uniform(scale) lies in [0, scale) with mean scale / 2 and variance scale^2 / 12', () => {
    const x = I.uniform(0.5)(key, shape);
    const v = values(x);
    expect(Math.min(...v)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...v)).toBeLessThan(0.5);
    const m = moments(x);
    // Same tolerances as above: the mean's standard error is 0.4% of sigma, the variance's 0.5%.
    expect(Math.abs(m.mean - 0.25)).toBeLessThanOrEqual(MEAN_TOL_IN_SIGMAS * Math.sqrt(0.25 / 12));
    expect(Math.abs(m.variance - 0.25 / 12) / (0.25 / 12)).toBeLessThanOrEqual(VARIANCE_RTOL);
  });

  it('truncatedNormal(stddev) lies within 2 stddev, with the truncated variance (0.8796 stddev)^2', () => {
    const x = I.truncatedNormal(0.02)(key, shape);
    expect(Math.max(...values(x).map(Math.abs))).toBeLessThan(0.04 * (1 + 1e-6));
    expectMoments(x, (0.02 * 0.87962566103423978) ** 2);
    const narrow = values(I.truncatedNormal(1, { lower: -1, upper: 0.5 })(key, [1000]));
    expect(Math.min(...narrow)).toBeGreaterThan(-1);
    expect(Math.max(...narrow)).toBeLessThan(0.5);
  });

  it('rejects parameters that are not finite numbers, and reversed bounds', () => {
    expect(() => I.normal(Number.NaN)).toThrow(
      /initializers.normal: stddev must be a finite number, got NaN/,
    );
    expect(() => I.truncatedNormal(1, { lower: 2, upper: -2 })).toThrow(
      /lower \(2\) must be less than upper/,
    );
    expect(() => I.uniform(1, { dtype: 'bool' })).toThrow(/initializers.uniform: .*got dtype bool/);
  });
});

describe('determinism and dtypes', () => {
  it('gives the same values for the same key and different values for different keys', () => {
    const init = I.heNormal();
    const [k1, k2] = [...ax.random.split(key, 2)];
    expect(values(init(k1!, [8, 8]))).toEqual(values(init(k1!, [8, 8])));
    expect(values(init(k1!, [8, 8]))).not.toEqual(values(init(k2!, [8, 8])));
  });

  it('gives the same values under jit as eagerly', () => {
    const init = I.glorotNormal();
    const jitted = ax.jit((k: ax.Array) => init(k, [16, 8]));
    expect(values(jitted(key))).toEqual(values(init(key, [16, 8])));
  });

  it('makes float32 by default and honours the dtype of the call, then of the factory', () => {
    expect(I.heUniform()(key, [2, 2]).dtype).toBe('float32');
    const z = I.zeros(key, [2, 3], 'int32');
    expect([z.dtype, z.shape]).toEqual(['int32', [2, 3]]);
    expect(I.constant(3, { dtype: 'int32' })(key, [2]).dtype).toBe('int32');
    expect(I.constant(3, { dtype: 'int32' })(key, [2], 'float32').dtype).toBe('float32');
  });

  it('zeros, ones and constant are exact', () => {
    expect(values(I.zeros(key, [2, 3]))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(values(I.ones(key, [3], 'int32'))).toEqual([1, 1, 1]);
    expect(values(I.constant(-7)(key, [2, 2]))).toEqual([-7, -7, -7, -7]);
    expect(values(I.constant(ax.array([1, 2]))(key, [2, 2]))).toEqual([1, 2, 1, 2]);
    expect(I.ones(key, [], 'bool').arraySync()).toBe(true);
  });

  it('rejects a shape that is not a list of non-negative integers', () => {
    expect(() => I.zeros(key, [2, 1.5])).toThrow(/constant: shape must be a list of non-negative integers/);
  });
});
