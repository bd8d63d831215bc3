import { expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';

// A user's training loop: a jitted step (valueAndGrad of a softmax cross-entropy, SGD update)
// returns new params and the loss; the caller disposes the old params and the loss each time.
// After 1,000 steps no buffer may remain beyond those alive after the first (tracing) call.

interface Params {
  w1: ax.Array;
  b1: ax.Array;
  w2: ax.Array;
  b2: ax.Array;
}

const BATCH = 32;
const CLASSES = 10;

function loss(p: Params, x: ax.Array, labels: ax.Array): ax.Array {
  const hidden = ax.relu(ax.matmul(x, p.w1).add(p.b1));
  const logits = ax.matmul(hidden, p.w2).add(p.b2);
  return ax.logSoftmax(logits, -1).mul(ax.oneHot(labels, CLASSES)).sum().neg().div(BATCH);
}

function trainStep(p: Params, x: ax.Array, labels: ax.Array): [Params, ax.Array] {
  const [value, grads] = ax.valueAndGrad(loss)(p, x, labels);
  const update = (w: unknown, g: unknown): ax.Array => (w as ax.Array).sub((g as ax.Array).mul(0.1));
  return [ax.tree.map(update, p, grads), value];
}

const disposeAll = (tree: unknown): void => {
  for (const leaf of ax.tree.leaves(tree)) (leaf as ax.Array).dispose();
};

it('1,000 jitted MLP train steps leave memory where the first step left it', () => {
  const start = ax.memory().cpu ?? { buffers: 0, bytes: 0 };
  const made = ax.tidy(() => {
    const [k1, k2, k3, k4] = [...ax.random.split(ax.random.key(0), 4)] as ax.Array[];
    return {
      x: ax.random.normal(k3!, [BATCH, 16]),
      labels: ax.random.randint(k4!, [BATCH], 0, CLASSES),
      params: {
        w1: ax.random.normal(k1!, [16, 32]).mul(0.3),
        b1: ax.zeros([32]),
        w2: ax.random.normal(k2!, [32, CLASSES]).mul(0.3),
        b2: ax.zeros([CLASSES]),
      },
    };
  });
  const { x, labels } = made;
  let params: Params = made.params;
  const step = ax.jit(trainStep);
  const run = (): number => {
    const [next, value] = step(params, x, labels);
    disposeAll(params);
    params = next;
    const v = Number(value.item());
    value.dispose();
    return v;
  };
  const first = run();
  const afterFirst = ax.memory().cpu;
  let last = first;
  for (let i = 1; i < 1000; i++) last = run();
  expect(ax.memory().cpu).toEqual(afterFirst);
  expect(step.cacheSize).toBe(1);
  expect(last).toBeLessThan(first / 4);
  step.clearCache();
  disposeAll([params, x, labels]);
  expect(ax.memory().cpu).toEqual(start);
});
