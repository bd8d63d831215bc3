import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import type * as nn from '@addax/nn';
import { expectClose, expectTreeClose, values } from '../close.js';
import { Affine, Noise, Spy, Squash, type SpyLayer } from './test-layers.js';

// Measured bit-identical on backend-cpu; the tolerance leaves room for a compiled program that
// reassociates float32 sums over the batch.
const TOL = { rtol: 1e-5, atol: 1e-6 };
const LR = 0.1;

type Step = (net: nn.Serial, x: ax.Array, y: ax.Array, rng: ax.Array) => [ax.Array, nn.Serial];

/**
 * One SGD step: the network on a batch by vmap (its layers unbatched), a mean squared error, its
 * gradient with the updated network as aux; every leaf moves by -LR times its gradient (the state's
 * gradient is zero, so the state is the updated one).
 */
const step: Step = (net, x, y, rng) => {
  const loss = (n: nn.Serial): [ax.Array, nn.Serial] => {
    const [out, updated] = ax.vmap((xi: ax.Array) => n.callAndUpdate(xi, { rng }), { outAxes: [0, null] })(x);
    return [ax.mean(ax.square(out.sub(y))), updated];
  };
  const [[value, updated], grads] = ax.valueAndGrad<[nn.Serial], [ax.Array, nn.Serial], nn.Serial>(loss, {
    hasAux: true,
  })(net);
  return [value, ax.tree.map((p, g) => (p as ax.Array).sub((g as ax.Array).mul(LR)), updated, grads)];
};

describe('a train step', () => {
  test('jitted equals unjitted: the losses, the parameters and the state, over three steps', () => {
    const template = Affine(8).compose(Squash()).compose(Spy()).compose(Noise()).compose(Affine(3));
    const x = ax.random.normal(ax.random.key(1), [6, 4]);
    const y = ax.random.normal(ax.random.key(2), [6, 3]);
    const jitted = ax.jit(step);
    let eager = template.init(ax.random.key(0), new ax.ShapeDtype([4], 'float32'));
    let compiled = eager;
    const losses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const rng = ax.random.key(10 + i);
      const [lossEager, nextEager] = step(eager, x, y, rng);
      const [lossJit, nextJit] = jitted(compiled, x, y, rng);
      expectClose(lossJit, lossEager, TOL, `loss at step ${i}`);
      expectTreeClose(nextJit, nextEager, TOL, `network after step ${i}`);
      losses.push(values(lossEager)[0]!);
      [eager, compiled] = [nextEager, nextJit];
    }
    // The step does train (so the comparison is of a working step), and the state moved.
    expect(losses[2]!).toBeLessThan(losses[0]!);
    const mean = (eager.params[2] as SpyLayer).state.mean;
    expect(mean.abs().max().item()).toBeGreaterThan(0);
  });
});
