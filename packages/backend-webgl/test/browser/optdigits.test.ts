// The main job in the browser: the optdigits example's own MLP, data pipeline and training loop,
// on chromium's WebGL2 (the Node lane's run is `pnpm optdigits --backend webgl`).
import * as ax from '@addax/core';
import { expect, test } from 'vitest';
import '../../src/index.js';
import testCsv from '../../../../examples/optdigits/data/optdigits.tes.csv?raw';
import trainCsv from '../../../../examples/optdigits/data/optdigits.tra.csv?raw';
import { parseDigits, standardize } from '../../../../examples/optdigits/src/data.js';
import { MODELS } from '../../../../examples/optdigits/src/models.js';
import { accuracy, fit, upload } from '../../../../examples/optdigits/src/train.js';

test('the optdigits MLP trains on webgl in the browser to over 90% test accuracy in 2 epochs', async () => {
  expect(ax.getBackend().name).toBe('webgl');
  const digits = standardize(parseDigits(trainCsv, 'train'), parseDigits(testCsv, 'test'));
  const train = upload(digits.train);
  const test = upload(digits.test);
  const layer = await fit(MODELS.mlp(), train, test, {
    epochs: 2,
    learningRate: 0.001,
    batchSize: 64,
    seed: 0,
  });
  expect(await accuracy(layer, test)).toBeGreaterThan(0.9);
}, 300_000);
