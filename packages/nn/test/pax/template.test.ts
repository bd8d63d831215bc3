import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { describe, expect, it } from 'vitest';
import { expectClose, expectTreeClose, values } from '../close.js';
import { RunningMean } from './layers/layers.js';

const TOL = { rtol: 1e-5, atol: 1e-6 };
const LR = 0.1;
const linear = nn.pax.Linear.config({ inputDims: 4, outputDims: 2 });

describe('nn.pax.asTemplate', () => {
  it("makes an Oryx layer whose params are the Pax layer's and whose output is its apply", () => {
    const template = nn.pax.asTemplate(linear);
    expect(template.spec(new ax.ShapeDtype([4], 'float32')).shape).toEqual([2]);
    const layer = template.init(ax.random.key(0), new ax.ShapeDtype([4], 'float32'));
    const w = (layer.params as { w: ax.Array }).w;
    expect(w.shape).toEqual([4, 2]);
    const x = ax.array([1, 2, -1, 0.5]);
    expectClose(layer.call(x), ax.matmul(x, w), TOL, 'one example');
    const batch = ax.random.normal(ax.random.key(1), [5, 4]);
    expectClose(ax.vmap((xi: ax.Array) => layer.call(xi))(batch), ax.matmul(batch, w), TOL, 'vmapped');
  });

  it('composes with Oryx layers, and the mixed model trains under grad, jitted as eager', () => {
    const net = nn.Dense(4).compose(nn.Relu()).compose(nn.pax.asTemplate(linear));
    const x = ax.random.normal(ax.random.key(1), [8, 3]);
    const y = ax.random.normal(ax.random.key(2), [8, 2]);
    type Net = ReturnType<typeof net.init>;
    const loss = (n: Net): ax.Array =>
      ax.mean(
        ax.square(
          ax
            .vmap((xi: ax.Array) => n.call(xi))(x)
            .sub(y),
        ),
      );
    const step = (n: Net): [ax.Array, Net] => {
      const [value, grads] = ax.valueAndGrad(loss)(n);
      return [value, ax.tree.map((p, g) => (p as ax.Array).sub((g as ax.Array).mul(LR)), n, grads)];
    };
    let model = net.init(ax.random.key(0), new ax.ShapeDtype([3], 'float32'));
    const first = values(loss(model))[0]!;
    const [lossJit, nextJit] = ax.jit(step)(model);
    const [lossEager, nextEager] = step(model);
    expectClose(lossJit, lossEager, TOL, 'loss');
    expectTreeClose(nextJit, nextEager, TOL, 'model');
    for (let i = 0; i < 20; i++) model = step(model)[1];
    expect(values(loss(model))[0]!).toBeLessThan(first / 2);
  });

  it("updates a Pax layer's non-trainable variables through Oryx's update, on the whole batch", () => {
    const layer = nn.pax
      .asTemplate(RunningMean.config({ dims: 2 }))
      .init(ax.random.key(0), new ax.ShapeDtype([2], 'float32'));
    const x = ax.array([
      [1, 2],
      [3, 6],
    ]);
    const [out, updated] = ax.vmap((xi: ax.Array) => layer.callAndUpdate(xi), { outAxes: [0, null] })(x);
    // The batch mean is [2, 4]: the output is centred by it, and the running mean moves half-way.
    expectClose(out, [-1, -2, 1, 2], TOL, 'training output');
    expectClose((updated.state as { mean: ax.Array }).mean, [1, 2], TOL, 'updated state');
    // In evaluation the running mean is used, and the state stays.
    const evalFn = (xi: ax.Array) => updated.callAndUpdate(xi, { training: false });
    const [evalOut, same] = ax.vmap(evalFn, { outAxes: [0, null] })(x);
    expectClose(evalOut, [0, 0, 2, 4], TOL, 'eval output');
    expectClose((same.state as { mean: ax.Array }).mean, [1, 2], TOL, 'eval state');
    // The state's gradient is zero, as for every Oryx state.
    const g = ax.grad((l: typeof layer) => ax.sum(ax.vmap((xi: ax.Array) => l.call(xi))(x)))(layer);
    expect(values((g.state as { mean: ax.Array }).mean)).toEqual([0, 0]);
  });

  it('passes rng to the Pax layer as its random stream', () => {
    const dropout = nn.pax.asTemplate(nn.pax.Dropout.config({ keepProb: 0.5 }));
    const layer = dropout.init(ax.random.key(0), new ax.ShapeDtype([64], 'float32'));
    const a = layer.call(ax.ones([64]), { rng: ax.random.key(1) });
    const b = layer.call(ax.ones([64]), { rng: ax.random.key(2) });
    expect(values(a)).not.toEqual(values(b));
    expect(values(a).every((v) => v === 0 || v === 2)).toBe(true);
    expect(values(layer.call(ax.ones([64]), { training: false }))).toEqual(values(ax.ones([64])));
  });

  it('rejects what is not a Pax config', () => {
    expect(() => nn.pax.asTemplate(nn.Dense(3) as unknown as nn.pax.LayerConfig)).toThrow(
      /asTemplate: expected a Pax layer config/,
    );
  });
});
