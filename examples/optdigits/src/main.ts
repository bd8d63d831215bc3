import { parseArgs } from 'node:util';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { useBackend } from './backend-choice.js';
import { loadOptdigits, standardize } from './data.js';
import { MODELS, PAX_MODELS, type ModelName } from './models.js';
import { progress } from './progress.js';
import { accuracy, fit, upload } from './train.js';

/** Per model: the epochs it trains for unless `--epochs` says otherwise. */
const DEFAULT_EPOCHS: Record<ModelName, number> = { mlp: 30, cnn: 15 };

const { values: args } = parseArgs({
  options: {
    backend: { type: 'string' },
    model: { type: 'string', default: 'all' },
    api: { type: 'string', default: 'oryx' },
    epochs: { type: 'string' },
    seed: { type: 'string', default: '0' },
    lr: { type: 'string', default: '0.001' },
    batch: { type: 'string', default: '64' },
  },
});

function positiveNumber(name: string, text: string, integer: boolean): number {
  const v = Number(text);
  if (!(v > 0) || (integer && !Number.isInteger(v))) {
    throw new Error(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got '${text}'`);
  }
  return v;
}

// The same models written in either layer style; Pax's style has the MLP.
const APIS: Record<string, Partial<Record<ModelName, () => Parameters<typeof fit>[0]>>> = {
  oryx: MODELS,
  pax: PAX_MODELS,
};
const catalogue = APIS[args.api];
if (!catalogue) throw new Error(`--api must be one of ${Object.keys(APIS).join(', ')}, got '${args.api}'`);
const names = Object.keys(catalogue) as ModelName[];
const models = args.model === 'all' ? names : [args.model as ModelName];
if (!names.includes(models[0]!)) {
  throw new Error(
    `--model must be one of ${names.join(', ')} or all with --api ${args.api}, got '${args.model}'`,
  );
}
const learningRate = positiveNumber('lr', args.lr, false);
const batchSize = positiveNumber('batch', args.batch, true);
const seed = Number(args.seed);
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got '${args.seed}'`);

if (args.backend !== undefined) await useBackend(args.backend);
const backend = ax.getBackend();
console.log(`backend: ${backend.name}${backend.description ? ` (${backend.description})` : ''}`);

const raw = loadOptdigits();
const digits = standardize(raw.train, raw.test);
const train = upload(digits.train);
const test = upload(digits.test);
console.log(
  `data: ${digits.train.count} training and ${digits.test.count} test digits, standardised per pixel`,
);

for (const model of models) {
  const epochs =
    args.epochs === undefined ? DEFAULT_EPOCHS[model] : positiveNumber('epochs', args.epochs, true);
  console.log(
    `model ${model} (${args.api} layers): ${epochs} epochs, Adam ${learningRate}, batch ${batchSize}, seed ${seed}`,
  );
  const start = performance.now();
  const layer = await fit(catalogue[model]!(), train, test, {
    epochs,
    learningRate,
    batchSize,
    seed,
    onStep: (epoch, step, steps) => progress(`${model} epoch ${epoch}/${epochs}`, step, steps),
    onEpoch: (epoch, loss, acc) =>
      console.log(
        `epoch ${String(epoch).padStart(3)}  loss ${loss.toFixed(4)}  test accuracy ${(acc * 100).toFixed(2)}%`,
      ),
  });
  const final = await accuracy(layer, test);
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${model} final test accuracy: ${(final * 100).toFixed(2)}% on ${digits.test.count} digits, ` +
      `${seconds.toFixed(1)}s on ${backend.name}`,
  );
}
