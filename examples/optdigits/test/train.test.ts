import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { loadOptdigits, PIXELS, standardize } from '../src/data.js';
import { MODELS, PAX_MODELS } from '../src/models.js';
import { accuracy, fit, stepFunction, trainStep, upload } from '../src/train.js';

const raw = loadOptdigits();
const digits = standardize(raw.train, raw.test);
const pixelSpec = new ax.ShapeDtype([PIXELS], 'float32');

describe('standardize', () => {
  it('centres every training pixel and applies the training statistics to the test split', () => {
    const { train, test } = digits;
    for (const p of [0, 20, 37]) {
      let sum = 0;
      for (let i = 0; i < train.count; i++) sum += train.images[i * PIXELS + p]!;
      expect(Math.abs(sum / train.count)).toBeLessThan(1e-5);
    }
    // Test pixel 20 of row 0, by hand from the training split's statistics.
    const column = Array.from({ length: raw.train.count }, (_, i) => raw.train.images[i * PIXELS + 20]!);
    const mean = column.reduce((a, b) => a + b) / column.length;
    const sd = Math.sqrt(column.reduce((a, b) => a + (b - mean) ** 2, 0) / column.length);
    expect(test.images[20]).toBeCloseTo((raw.test.images[20]! - mean) / (sd + 0.1), 5);
  });
});

describe('the models', () => {
  it('map 64 pixels to 10 logits', () => {
    expect(MODELS.mlp().spec(pixelSpec)).toEqual(new ax.ShapeDtype([10], 'float32'));
    expect(MODELS.cnn().spec(pixelSpec)).toEqual(new ax.ShapeDtype([10], 'float32'));
  });

  it('a jitted CNN step equals the same step run eagerly (loss, parameters and BatchNorm state; rtol 1e-5)', () => {
    const layer = MODELS.cnn().init(ax.random.key(3), pixelSpec);
    const optimizer = nn.adam(1e-3);
    const batch = upload({
      images: digits.train.images.subarray(0, 16 * PIXELS),
      labels: digits.train.labels.subarray(0, 16),
      count: 16,
    });
    const key = ax.random.key(4);
    const eager = stepFunction(optimizer)(layer, optimizer.init(layer), batch.x, batch.y, key);
    const jitted = trainStep(optimizer)(layer, optimizer.init(layer), batch.x, batch.y, key);
    const [a, b] = [ax.tree.leaves(eager), ax.tree.leaves(jitted)] as [ax.Array[], ax.Array[]];
    expect(b.length).toBe(a.length);
    a.forEach((x, i) => {
      const [u, v] = [x.dataSync(), b[i]!.dataSync()];
      u.forEach((e, j) => expect(Math.abs(e - v[j]!)).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(e)));
    });
  });
});

describe('fit', () => {
  it('trains the MLP to at least 93% test accuracy in two epochs (seed 0)', async () => {
    const test = upload(digits.test);
    const layer = await fit(MODELS.mlp(), upload(digits.train), test, {
      epochs: 2,
      learningRate: 1e-3,
      batchSize: 64,
      seed: 0,
    });
    expect(await accuracy(layer, test)).toBeGreaterThanOrEqual(0.93);
  });

  it('trains the Pax-style MLP (--api pax) to at least 93% test accuracy in two epochs (seed 0)', async () => {
    const test = upload(digits.test);
    const layer = await fit(PAX_MODELS.mlp(), upload(digits.train), test, {
      epochs: 2,
      learningRate: 1e-3,
      batchSize: 64,
      seed: 0,
    });
    expect(layer.params).toHaveProperty(['hidden', 'linear', 'w']);
    expect(await accuracy(layer, test)).toBeGreaterThanOrEqual(0.93);
  });

  it('moves the CNN BatchNorm running mean away from its initial zeros', async () => {
    const small = upload({
      images: digits.train.images.subarray(0, 128 * PIXELS),
      labels: digits.train.labels.subarray(0, 128),
      count: 128,
    });
    const layer = (await fit(MODELS.cnn(), small, small, {
      epochs: 1,
      learningRate: 1e-3,
      batchSize: 64,
      seed: 0,
    })) as nn.Serial;
    const batchNorm = layer.params.find((l): l is nn.BatchNormLayer => l instanceof nn.BatchNorm)!;
    const mean = Array.from(batchNorm.state.movingMean.dataSync());
    expect(mean.length).toBe(32);
    expect(mean.every((v) => v !== 0 && Number.isFinite(v))).toBe(true);
  });
});
