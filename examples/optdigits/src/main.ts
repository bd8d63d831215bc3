import { parseArgs } from 'node:util';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { CLASSES, loadOptdigits, PIXELS, type DigitSet } from './data.js';
import { progress } from './progress.js';
import { accuracy, initParams, sgdStep, type Params } from './softmax-regression.js';

const { values: args } = parseArgs({
  options: {
    backend: { type: 'string' },
    epochs: { type: 'string', default: '40' },
    seed: { type: 'string', default: '0' },
    lr: { type: 'string', default: '0.5' },
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

const epochs = positiveNumber('epochs', args.epochs, true);
const lr = positiveNumber('lr', args.lr, false);
const batchSize = positiveNumber('batch', args.batch, true);
const seed = Number(args.seed);
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got '${args.seed}'`);

if (args.backend !== undefined) ax.setBackend(args.backend);
const backend = ax.getBackend();
console.log(`backend: ${backend.name}${backend.description ? ` (${backend.description})` : ''}`);

const { train, test } = loadOptdigits();
const upload = (set: DigitSet) => ({
  x: ax.array(set.images, { shape: [set.count, PIXELS] }),
  y: ax.array(set.labels),
});
const trainSet = upload(train);
const testSet = upload(test);
console.log(`data: ${train.count} training and ${test.count} test digits, model: softmax regression`);

const start = performance.now();
let key = ax.random.key(seed);
const [initKey, firstKey] = ax.random.split(key);
key = firstKey!;
let params: Params = initParams(initKey!, PIXELS, CLASSES);
const steps = Math.ceil(train.count / batchSize);

for (let epoch = 1; epoch <= epochs; epoch++) {
  const [next, shuffleKey] = ax.random.split(key);
  key.dispose();
  key = next!;
  const order = (await ax.random.permutation(shuffleKey!, train.count).data()) as Int32Array;
  let lossSum = 0;
  for (let s = 0; s < steps; s++) {
    const idx = ax.array(order.subarray(s * batchSize, (s + 1) * batchSize));
    const x = ax.take(trainSet.x, idx, 0);
    const y = ax.take(trainSet.y, idx, 0);
    const result = sgdStep(params, x, y, lr);
    for (const a of [idx, x, y, params.w, params.b]) a.dispose();
    params = result.params;
    lossSum += (await result.loss.data())[0]!;
    result.loss.dispose();
    progress(`epoch ${epoch}/${epochs}`, s + 1, steps);
  }
  const testAcc = await accuracy(params, testSet.x, testSet.y);
  console.log(
    `epoch ${String(epoch).padStart(3)}  loss ${(lossSum / steps).toFixed(4)}  test accuracy ${(testAcc * 100).toFixed(2)}%`,
  );
}

const finalAcc = await accuracy(params, testSet.x, testSet.y);
const seconds = (performance.now() - start) / 1000;
console.log(
  `final test accuracy: ${(finalAcc * 100).toFixed(2)}% on ${test.count} digits, ${seconds.toFixed(1)}s on ${backend.name}`,
);
