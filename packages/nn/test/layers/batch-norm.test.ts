import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { expectClose, expectTreeClose, values } from '../close.js';
import { F32, normalArray } from './layer-checks.js';

const f32 = (...shape: number[]): ax.ShapeDtype => new ax.ShapeDtype(shape, 'float32');
const key = ax.random.key(0);
const EPS = 1e-5;

/** Random beta and gamma, so that a test sees whether each is applied where it belongs. */
const randomAffine: nn.BatchNormOptions = {
  betaInit: nn.initializers.normal(1),
  gammaInit: nn.initializers.normal(1),
};

/**
 * Float64 statistics of a batch `x` `[B, ...example]` over the batch and the example axes `axis`:
 * per element of `x`, the index of its group (the other axes) and each group's mean and biased
 * variance.
 */
function batchStatistics(
  x: ax.Array,
  axis: readonly number[],
): { group: number[]; mean: number[]; variance: number[] } {
  const shape = x.shape.slice(1);
  const kept = shape.map((_, i) => i).filter((i) => !axis.includes(i));
  const groups = kept.reduce((n, i) => n * shape[i]!, 1);
  const xs = values(x);
  const group = xs.map((_, flat) => {
    let rest = flat;
    const index = shape.map(() => 0);
    for (let i = shape.length - 1; i >= 0; i--) {
      index[i] = rest % shape[i]!;
      rest = Math.floor(rest / shape[i]!);
    }
    return kept.reduce((g, i) => g * shape[i]! + index[i]!, 0);
  });
  const sum = new globalThis.Array<number>(groups).fill(0);
  const count = new globalThis.Array<number>(groups).fill(0);
  xs.forEach((v, i) => {
    sum[group[i]!]! += v;
    count[group[i]!]! += 1;
  });
  const mean = sum.map((s, g) => s / count[g]!);
  const squares = new globalThis.Array<number>(groups).fill(0);
  xs.forEach((v, i) => {
    squares[group[i]!]! += (v - mean[group[i]!]!) ** 2;
  });
  return { group, mean, variance: squares.map((s, g) => s / count[g]!) };
}

/** `gamma * (x - mean) / sqrt(var + eps) + beta` per element, with per-group statistics and parameters. */
function normalized(
  x: ax.Array,
  group: readonly number[],
  mean: readonly number[],
  variance: readonly number[],
  layer: nn.BatchNormLayer,
): number[] {
  const beta = layer.params.beta ? values(layer.params.beta) : undefined;
  const gamma = layer.params.gamma ? values(layer.params.gamma) : undefined;
  return values(x).map((v, i) => {
    const g = group[i]!;
    const z = (v - mean[g]!) / Math.sqrt(variance[g]! + EPS);
    return (gamma ? gamma[g]! * z : z) + (beta ? beta[g]! : 0);
  });
}

/** The batched call and update, as Oryx's tests run it: `vmap(..., out_axes=(0, None))`. */
function batchedCallAndUpdate(
  layer: nn.BatchNormLayer,
  xs: ax.Array,
  kwargs: nn.LayerKwargs = {},
): [ax.Array, nn.BatchNormLayer] {
  return ax.vmap((x: ax.Array) => layer.callAndUpdate(x, kwargs), { outAxes: [0, null] })(xs);
}

describe('BatchNorm parameters and state', () => {
  it.each([
    [[0, 1], [7], [1, 1, 7]],
    [[1, 2], [5], [5, 1, 1]],
    [[-1], [5, 6], [5, 6, 1]],
  ])(
    "on a (5, 6, 7) example, axis %j gives beta and gamma %j and running averages %j (Oryx's test_spec)",
    (axis, paramShape, movingShape) => {
      const bn = nn.BatchNorm({ axis });
      expect(bn.spec(f32(5, 6, 7)).shape).toEqual([5, 6, 7]);
      const layer = bn.init(key, f32(5, 6, 7));
      expect(layer.params.beta!.shape).toEqual(paramShape);
      expect(layer.params.gamma!.shape).toEqual(paramShape);
      expect(values(layer.params.beta!).every((v) => v === 0)).toBe(true);
      expect(values(layer.params.gamma!).every((v) => v === 1)).toBe(true);
      expect(layer.state.movingMean.shape).toEqual(movingShape);
      expect(values(layer.state.movingMean).every((v) => v === 0)).toBe(true);
      expect(values(layer.state.movingVar).every((v) => v === 1)).toBe(true);
    },
  );

  it('axis [] normalises each feature over the batch alone, as after a Dense layer', () => {
    const layer = nn.BatchNorm({ ...randomAffine, axis: [] }).init(key, f32(6));
    expect(layer.params.gamma!.shape).toEqual([6]);
    expect(layer.state.movingVar.shape).toEqual([6]);
    const xs = normalArray(16, [5, 6]);
    const { group, mean, variance } = batchStatistics(xs, []);
    expectClose(
      ax.vmap((x: ax.Array) => layer.call(x))(xs),
      normalized(xs, group, mean, variance, layer),
      F32,
    );
  });

  it("Oryx's defaults: axis [0, 1], momentum 0.99 (decay 0.01), epsilon 1e-5, center and scale", () => {
    const layer = nn.BatchNorm().init(key, f32(4, 4, 3));
    expect(layer.info.axis).toEqual([0, 1]);
    expect(layer.info.decay).toBeCloseTo(0.01, 12);
    expect(layer.info.epsilon).toBe(1e-5);
    expect(layer.info.center && layer.info.scale).toBe(true);
    expect(layer).toBeInstanceOf(nn.BatchNorm);
    expect(String(layer)).toBe('BatchNorm(axis=[0, 1])');
  });

  it('center: false drops beta and scale: false drops gamma', () => {
    expect(Object.keys(nn.BatchNorm({ center: false }).init(key, f32(2, 2, 3)).params)).toEqual(['gamma']);
    expect(Object.keys(nn.BatchNorm({ scale: false }).init(key, f32(2, 2, 3)).params)).toEqual(['beta']);
    expect(nn.BatchNorm({ center: false, scale: false }).init(key, f32(2, 2, 3)).params).toEqual({});
  });
});

describe('BatchNorm calls', () => {
  it('one example in training is returned unchanged: it has no batch statistics', () => {
    const layer = nn.BatchNorm(randomAffine).init(key, f32(5, 6, 7));
    const x = normalArray(1, [5, 6, 7]);
    expect(values(layer.call(x))).toEqual(values(x));
  });

  it.each([
    [true, true],
    [false, true],
    [true, false],
    [false, false],
  ])(
    'under vmap (center %s, scale %s) it equals gamma * (x - mean) / sqrt(var + eps) + beta over the batch',
    (center, scale) => {
      const layer = nn.BatchNorm({ ...randomAffine, center, scale }).init(key, f32(5, 6, 7));
      const xs = normalArray(2, [10, 5, 6, 7]).mul(3).add(1);
      const { group, mean, variance } = batchStatistics(xs, [0, 1]);
      const y = ax.vmap((x: ax.Array) => layer.call(x))(xs);
      expectClose(y, normalized(xs, group, mean, variance, layer), F32);
    },
  );

  it('normalises each group of the non-normalised axes on its own (axis [1, 2], groups along axis 0)', () => {
    const layer = nn.BatchNorm({ ...randomAffine, axis: [1, 2] }).init(key, f32(3, 4, 2));
    const xs = normalArray(3, [6, 3, 4, 2]);
    const { group, mean, variance } = batchStatistics(xs, [1, 2]);
    expectClose(
      ax.vmap((x: ax.Array) => layer.call(x))(xs),
      normalized(xs, group, mean, variance, layer),
      F32,
    );
  });

  it('moves the running averages by momentum: new = momentum * old + (1 - momentum) * batch', () => {
    const momentum = 0.9;
    let layer = nn.BatchNorm({ momentum }).init(key, f32(4, 4, 3));
    let expectedMean = [0, 0, 0];
    let expectedVar = [1, 1, 1];
    for (const seed of [4, 5]) {
      const xs = normalArray(seed, [8, 4, 4, 3]).mul(2).add(0.5);
      const { mean, variance } = batchStatistics(xs, [0, 1]);
      [, layer] = batchedCallAndUpdate(layer, xs);
      expectedMean = expectedMean.map((m, c) => momentum * m + (1 - momentum) * mean[c]!);
      expectedVar = expectedVar.map((v, c) => momentum * v + (1 - momentum) * variance[c]!);
      expect(layer.state.movingMean.shape).toEqual([1, 1, 3]);
      expectClose(layer.state.movingMean, expectedMean, F32);
      expectClose(layer.state.movingVar, expectedVar, F32);
    }
  });

  it("after many updates on one batch the running averages are its statistics (Oryx's test)", () => {
    const xs = normalArray(6, [4, 5, 6, 7]);
    const { mean, variance } = batchStatistics(xs, [0, 1]);
    const step = ax.jit((l: nn.BatchNormLayer, batch: ax.Array) => batchedCallAndUpdate(l, batch)[1]);
    let layer = nn.BatchNorm({ momentum: 0.9 }).init(key, f32(5, 6, 7));
    for (let i = 0; i < 100; i++) layer = step(layer, xs);
    // 0.9^100 of the initial gap (about 3e-5 of it) is left.
    expectClose(layer.state.movingMean, mean, { rtol: 1e-4, atol: 1e-4 });
    expectClose(layer.state.movingVar, variance, { rtol: 1e-4, atol: 1e-4 });
  });

  it('training: false normalises with the running averages, with and without vmap, and updates nothing', () => {
    let layer = nn.BatchNorm({ ...randomAffine, momentum: 0.5 }).init(key, f32(4, 4, 3));
    [, layer] = batchedCallAndUpdate(layer, normalArray(7, [8, 4, 4, 3]).mul(2).add(1));
    const xs = normalArray(8, [5, 4, 4, 3]);
    const group = values(xs).map((_, i) => i % 3);
    const expected = normalized(
      xs,
      group,
      values(layer.state.movingMean),
      values(layer.state.movingVar),
      layer,
    );
    const [y, after] = batchedCallAndUpdate(layer, xs, { training: false });
    expectClose(y, expected, F32);
    expectTreeClose(after.state, layer.state, { rtol: 0, atol: 0 });
    const one = ax.take(xs, 0, 0);
    expectClose(layer.call(one, { training: false }), expected.slice(0, one.size), F32);
    expectTreeClose(layer.update(one, { training: false }).state, layer.state, { rtol: 0, atol: 0 });
  });

  it('one example updated in training moves the averages towards its own statistics over axis, as Oryx', () => {
    const layer = nn.BatchNorm({ momentum: 0.8 }).init(key, f32(3, 3, 2));
    const x = normalArray(9, [3, 3, 2]);
    const { mean, variance } = batchStatistics(x.reshape([1, 3, 3, 2]), [0, 1]);
    const updated = layer.update(x);
    expectClose(
      updated.state.movingMean,
      mean.map((m) => 0.2 * m),
      F32,
    );
    expectClose(
      updated.state.movingVar,
      variance.map((v) => 0.8 + 0.2 * v),
      F32,
    );
  });
});

describe('BatchNorm gradients and transformations', () => {
  /** Oryx's reconstruct_loss: the mean squared error of the batched output against the input. */
  const reconstructLoss = (layer: nn.BatchNormLayer, xs: ax.Array): [ax.Array, nn.BatchNormLayer] => {
    const [y, updated] = batchedCallAndUpdate(layer, xs);
    return [ax.mean(ax.square(y.sub(xs))), updated];
  };

  it('the gradient with respect to the layer is zero in its state and the gradient of the formula in its params', () => {
    const layer = nn.BatchNorm(randomAffine).init(key, f32(2, 2, 2));
    const xs = normalArray(10, [3, 2, 2, 2]);
    const [g, updated] = ax.grad(reconstructLoss, { hasAux: true })(layer, xs) as [
      nn.BatchNormLayer,
      nn.BatchNormLayer,
    ];
    expect(values(g.state.movingMean)).toEqual([0, 0]);
    expect(values(g.state.movingVar)).toEqual([0, 0]);
    expect(g.state.movingMean.shape).toEqual([1, 1, 2]);
    // The same loss written with the batch statistics by hand.
    const byHand = (beta: ax.Array, gamma: ax.Array): ax.Array => {
      const mean = ax.mean(xs, [0, 1, 2], { keepdims: true });
      const variance = ax.var(xs, [0, 1, 2], { keepdims: true });
      const y = xs
        .sub(mean)
        .mul(ax.rsqrt(variance.add(EPS)))
        .mul(gamma)
        .add(beta);
      return ax.mean(ax.square(y.sub(xs)));
    };
    const [dBeta, dGamma] = ax.grad(byHand, { argnums: [0, 1] })(
      layer.params.beta!,
      layer.params.gamma!,
    ) as ax.Array[];
    expectClose(g.params.beta!, dBeta!, F32);
    expectClose(g.params.gamma!, dGamma!, F32);
    expect(values(updated.state.movingMean)).not.toEqual([0, 0]);
  });

  it('with training: false the output depends on the running averages, and their gradient is still zero', () => {
    const layer = nn.BatchNorm(randomAffine).init(key, f32(2, 2, 2));
    const xs = normalArray(14, [3, 2, 2, 2]);
    const ct = normalArray(15, [3, 2, 2, 2]);
    const g = ax.grad((l: nn.BatchNormLayer) =>
      ax
        .vmap((x: ax.Array) => l.call(x, { training: false }))(xs)
        .mul(ct)
        .sum(),
    )(layer);
    expect(values(g.state.movingMean)).toEqual([0, 0]);
    expect(values(g.state.movingVar)).toEqual([0, 0]);
    // With the running averages 0 and 1, d/dbeta sums the cotangent and d/dgamma weighs it by x / sqrt(1 + eps).
    expectClose(g.params.beta!, ax.sum(ct, [0, 1, 2]), F32);
    expectClose(g.params.gamma!, ax.sum(ct.mul(xs), [0, 1, 2]).div(Math.sqrt(1 + EPS)), F32);
  });

  it("a gradient step on the parameters lowers the loss, and the state keeps moving (Oryx's test_batch_norm)", () => {
    const initial = nn.BatchNorm().init(key, f32(2, 2, 2));
    const xs = normalArray(11, [2, 2, 2, 2]);
    const [initialLoss, network] = reconstructLoss(initial, xs);
    const [g, next] = ax.grad(reconstructLoss, { hasAux: true })(network, xs) as [
      nn.BatchNormLayer,
      nn.BatchNormLayer,
    ];
    const stepped = next.replace({
      params: ax.tree.map((w, d) => (w as ax.Array).sub((d as ax.Array).mul(0.1)), network.params, g.params),
    });
    const [finalLoss, final] = reconstructLoss(stepped, xs);
    expect(finalLoss.dataSync()[0]!).toBeLessThan(initialLoss.dataSync()[0]!);
    expect(values(next.state.movingMean)).not.toEqual(values(initial.state.movingMean));
    expect(values(final.state.movingVar)).not.toEqual(values(next.state.movingVar));
  });

  it('inside a Serial under vmap the Serial maps per example but BatchNorm still sees the whole batch', () => {
    const net = nn.Conv(3, 2, { padding: 'SAME' }).compose(nn.BatchNorm({ ...randomAffine, momentum: 0.5 }));
    const serial = net.init(key, f32(4, 4, 2));
    const [conv, bn] = serial.params as [nn.ConvLayer, nn.BatchNormLayer];
    const xs = normalArray(12, [6, 4, 4, 2]);
    const [y, updated] = ax.vmap((x: ax.Array) => serial.callAndUpdate(x), { outAxes: [0, null] })(xs);
    const convolved = ax.vmap((x: ax.Array) => conv.call(x))(xs);
    const { group, mean, variance } = batchStatistics(convolved, [0, 1]);
    expectClose(y, normalized(convolved, group, mean, variance, bn), F32);
    const movedBn = (updated.params as nn.Layer[])[1] as nn.BatchNormLayer;
    expectClose(
      movedBn.state.movingMean,
      mean.map((m) => 0.5 * m),
      F32,
    );
    // training: false reaches the child through the Serial.
    const evaluated = ax.vmap((x: ax.Array) => serial.call(x, { training: false }))(xs);
    const initialStats = normalized(convolved, group, [0, 0, 0], [1, 1, 1], bn);
    expectClose(evaluated, initialStats, F32);
  });

  it('jit(vmap(callAndUpdate)) equals the eager vmap: output and updated state', () => {
    const layer = nn.BatchNorm(randomAffine).init(key, f32(3, 3, 4));
    const xs = normalArray(13, [5, 3, 3, 4]);
    const [y, updated] = batchedCallAndUpdate(layer, xs);
    const [yJit, updatedJit] = ax.jit((l: nn.BatchNormLayer, batch: ax.Array) =>
      batchedCallAndUpdate(l, batch),
    )(layer, xs);
    expectClose(yJit, y, F32);
    expectTreeClose(updatedJit.state, updated.state, F32);
    const evalJit = ax.jit((l: nn.BatchNormLayer, batch: ax.Array) =>
      ax.vmap((x: ax.Array) => l.call(x, { training: false }))(batch),
    );
    expectClose(
      evalJit(updated, xs),
      ax.vmap((x: ax.Array) => updated.call(x, { training: false }))(xs),
      F32,
    );
  });
});

describe('BatchNorm memory', () => {
  const liveBuffers = (): number => Object.values(ax.memory()).reduce((n, m) => n + m.buffers, 0);

  it.each([true, false])(
    'an eager callAndUpdate (training %s) leaves alive only its output and the new running averages',
    (training) => {
      const layer = nn.BatchNorm(randomAffine).init(key, f32(3, 3, 2));
      const x = normalArray(17, [3, 3, 2]);
      const before = liveBuffers();
      const [y, updated] = layer.callAndUpdate(x, { training });
      // In training one example comes back as it is: the output is the input array itself.
      const made = training
        ? [updated.state.movingMean, updated.state.movingVar]
        : [y, updated.state.movingMean, updated.state.movingVar];
      expect(y === x).toBe(training);
      expect(liveBuffers()).toBe(before + made.length);
      made.forEach((a) => a.dispose());
      expect(liveBuffers()).toBe(before);
    },
  );
});

describe('BatchNorm errors', () => {
  it('a batch given directly says to vmap, and a different example shape is named', () => {
    const layer = nn.BatchNorm().init(key, f32(5, 6, 7));
    expect(() => layer.call(ax.zeros([1, 5, 6, 7]))).toThrow(
      /BatchNorm: the input float32\[1, 5, 6, 7\] has 4 axes; the layer takes one example of 3 axes; to run a batch, vmap/,
    );
    expect(() => layer.call(ax.zeros([5, 6, 8]))).toThrow(
      /BatchNorm: the input float32\[5, 6, 8\] does not match the example shape \[5, 6, 7\]/,
    );
    expect(() => ax.vmap((x: ax.Array) => layer.call(x))(ax.zeros([2, 5, 6, 8]))).toThrow(
      /BatchNorm: the input float32\[2, 5, 6, 8\] does not match the example shape \[5, 6, 7\]/,
    );
  });

  it('names a bad axis, momentum, epsilon and a non-float input', () => {
    const s = f32(4, 4, 3);
    expect(() => nn.BatchNorm({ axis: 3 }).spec(s)).toThrow(
      /BatchNorm: axis 3 is out of range for an example of rank 3/,
    );
    expect(() => nn.BatchNorm({ axis: [0, 0] }).spec(s)).toThrow(
      /BatchNorm: axis must name one or more distinct axes, got \[0, 0\]/,
    );
    expect(() => nn.BatchNorm({ axis: [0, -3] }).init(key, s)).toThrow(
      /axis must name one or more distinct axes/,
    );
    expect(() => nn.BatchNorm().spec(f32(16))).toThrow(
      /BatchNorm: axis 1 is out of range for an example of rank 1/,
    );
    expect(() => nn.BatchNorm({ momentum: 1.5 }).spec(s)).toThrow(
      /BatchNorm: momentum must be a number in \[0, 1\], got 1.5/,
    );
    expect(() => nn.BatchNorm({ epsilon: -1 }).spec(s)).toThrow(
      /BatchNorm: epsilon must be a number in \[0, Infinity\], got -1/,
    );
    expect(() => nn.BatchNorm().spec(new ax.ShapeDtype([4, 4, 3], 'int32'))).toThrow(
      /BatchNorm: the input must be float32/,
    );
  });
});
