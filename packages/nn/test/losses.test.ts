import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { expectClose, values } from './close.js';

// float32 arithmetic on values of order 1: a few ulps of relative error.
const F32 = { rtol: 1e-5, atol: 1e-6 };

/** The cross entropy of one row, by hand in float64: -sum(y * (x - log(sum(exp(x))))). */
function crossEntropy(x: readonly number[], y: readonly number[]): number {
  const lse = Math.log(x.reduce((s, v) => s + Math.exp(v), 0));
  return -x.reduce((s, v, i) => s + y[i]! * (v - lse), 0);
}

const logits = ax.array([
  [1.2, -0.8, -0.5],
  [0.9, -1.2, 1.1],
]);

describe('softmaxCrossEntropy', () => {
  it('equals the hand computation and the value optax documents', () => {
    const labels = ax.array([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    const loss = nn.softmaxCrossEntropy(logits, labels);
    expect(loss.shape).toEqual([2]);
    expectClose(
      loss,
      [crossEntropy([1.2, -0.8, -0.5], [1, 0, 0]), crossEntropy([0.9, -1.2, 1.1], [0, 1, 0])],
      F32,
    );
    // optax's docstring prints [0.2761 2.9518] (4 decimals).
    expectClose(loss, [0.2761, 2.9518], { rtol: 0, atol: 5e-5 });
  });

  it('accepts probability rows and an explicit class axis', () => {
    const soft = [0.2, 0.5, 0.3];
    const loss = nn.softmaxCrossEntropy(ax.array([[1, 2, 3]]), ax.array([soft]));
    expectClose(loss, [crossEntropy([1, 2, 3], soft)], F32);
    // Classes along axis 0: the transpose of the first test.
    const byColumn = nn.softmaxCrossEntropy(
      logits.transpose(),
      ax.array([
        [1, 0],
        [0, 1],
        [0, 0],
      ]),
      0,
    );
    expectClose(
      byColumn,
      nn.softmaxCrossEntropy(
        logits,
        ax.array([
          [1, 0, 0],
          [0, 1, 0],
        ]),
      ),
      F32,
    );
  });

  it('stays finite and correct at logits of 1e4', () => {
    const big = ax.array([[1e4, 0, -1e4]]);
    expectClose(nn.softmaxCrossEntropy(big, ax.array([[1, 0, 0]])), [0], { rtol: 0, atol: 0 });
    expectClose(nn.softmaxCrossEntropy(big, ax.array([[0, 1, 0]])), [1e4], F32);
    expectClose(nn.softmaxCrossEntropy(big, ax.array([[0, 0, 1]])), [2e4], F32);
    expectClose(nn.softmaxCrossEntropy(ax.array([[1e4, 1e4]]), ax.array([[1, 0]])), [Math.LN2], F32);
  });

  it('has gradient softmax(logits) - labels for labels that are distributions', () => {
    // Logits in [-5, 5]; labels a softmax of other values in [-5, 5], so each row sums to 1.
    // Both sides are float32 computations of order 1: tolerance 1e-5 absolute.
    const row = fc.array(fc.float({ min: -5, max: 5, noNaN: true }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(row, row), { minLength: 1, maxLength: 3 }), (rows) => {
        const x = ax.array(rows.map(([l]) => l));
        const y = ax.softmax(ax.array(rows.map(([, p]) => p)));
        const g = ax.grad((z: ax.Array) => nn.softmaxCrossEntropy(z, y).sum())(x);
        expectClose(g, ax.softmax(x).sub(y), { rtol: 0, atol: 1e-5 }, 'grad');
      }),
      { numRuns: 30 },
    );
  });

  it('names the problem for float labels of the wrong shape, integer logits and a bad axis', () => {
    expect(() => nn.softmaxCrossEntropy(logits, ax.array([[1, 0]]))).toThrow(
      /softmaxCrossEntropy: labels float32\[1,? ?2\] does not broadcast to float32\[2,? ?3\]/,
    );
    expect(() => nn.softmaxCrossEntropy(logits, ax.zeros([4, 2, 3]))).toThrow(ax.ShapeError);
    expect(() => nn.softmaxCrossEntropy(ax.array([[1, 2]], 'int32'), ax.array([[1, 0]]))).toThrow(
      /softmaxCrossEntropy: logits must be float32/,
    );
    expect(() => nn.softmaxCrossEntropy(logits, ax.zeros([2, 3]), 2)).toThrow(/axis 2 is out of range/);
  });
});

describe('softmaxCrossEntropyWithIntegerLabels', () => {
  it('equals softmaxCrossEntropy of the one-hot labels, and optax documents the same values', () => {
    const labels = ax.array([0, 1], 'int32');
    const loss = nn.softmaxCrossEntropyWithIntegerLabels(logits, labels);
    expectClose(loss, nn.softmaxCrossEntropy(logits, ax.oneHot(labels, 3)), F32);
    expectClose(loss, [0.2761, 2.9518], { rtol: 0, atol: 5e-5 });
  });

  it('works over a leading batch of any rank and along another axis', () => {
    const x = ax.arange(24).reshape([2, 3, 4]).div(5);
    const labels = ax.array(
      [
        [3, 0, 2],
        [1, 1, 0],
      ],
      'int32',
    );
    expectClose(
      nn.softmaxCrossEntropyWithIntegerLabels(x, labels),
      nn.softmaxCrossEntropy(x, ax.oneHot(labels, 4)),
      F32,
    );
    const alongMiddle = ax.array(
      [
        [0, 2, 1, 1],
        [2, 2, 0, 1],
      ],
      'int32',
    );
    expectClose(
      nn.softmaxCrossEntropyWithIntegerLabels(x, alongMiddle, 1),
      nn.softmaxCrossEntropy(x, ax.oneHot(alongMiddle, 3, { axis: 1 }), 1),
      F32,
    );
  });

  it('stays finite and correct at logits of 1e4', () => {
    const big = ax.array([
      [1e4, 0, -1e4],
      [1e4, 0, -1e4],
    ]);
    expectClose(nn.softmaxCrossEntropyWithIntegerLabels(big, ax.array([0, 2], 'int32')), [0, 2e4], F32);
  });

  it('has gradient softmax(logits) - oneHot(labels)', () => {
    const labels = ax.array([2, 0], 'int32');
    const g = ax.grad((z: ax.Array) => nn.softmaxCrossEntropyWithIntegerLabels(z, labels).sum())(logits);
    expectClose(g, ax.softmax(logits).sub(ax.oneHot(labels, 3)), { rtol: 0, atol: 1e-6 });
  });

  it('counts negative labels from the end and gives NaN for labels out of range', () => {
    const loss = values(nn.softmaxCrossEntropyWithIntegerLabels(logits, ax.array([-1, 3], 'int32')));
    expect(loss[0]).toBeCloseTo(crossEntropy([1.2, -0.8, -0.5], [0, 0, 1]), 5);
    expect(loss[1]).toBeNaN();
  });

  it('names the problem for float labels and labels of the wrong shape', () => {
    expect(() => nn.softmaxCrossEntropyWithIntegerLabels(logits, ax.array([0, 1]))).toThrow(
      /labels must be an int32 or uint32 array of class indices, got float32/,
    );
    expect(() => nn.softmaxCrossEntropyWithIntegerLabels(logits, ax.array([[0], [1]], 'int32'))).toThrow(
      /labels int32\[2,? ?1\] must have the shape of logits float32\[2,? ?3\] without axis 1, \[2\]/,
    );
  });
});

describe('sigmoidBinaryCrossEntropy', () => {
  it('equals -y log(sigmoid(x)) - (1 - y) log(1 - sigmoid(x)) by hand', () => {
    const x = [-1.5, 0, 0.3, 2];
    const y = [0, 1, 0.25, 1];
    const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));
    const expected = x.map((v, i) => -y[i]! * Math.log(sigmoid(v)) - (1 - y[i]!) * Math.log(1 - sigmoid(v)));
    const loss = nn.sigmoidBinaryCrossEntropy(ax.array(x), ax.array(y));
    expect(loss.shape).toEqual([4]);
    expectClose(loss, expected, F32);
  });

  it('stays finite and correct at logits of +-1e4, and takes integer labels', () => {
    const loss = nn.sigmoidBinaryCrossEntropy(
      ax.array([1e4, 1e4, -1e4, -1e4]),
      ax.array([1, 0, 1, 0], 'int32'),
    );
    expectClose(loss, [0, 1e4, 1e4, 0], F32);
  });

  it('has gradient sigmoid(logits) - labels', () => {
    const x = ax.array([-3, -0.5, 0.5, 4]);
    const y = ax.array([1, 0, 0.5, 1]);
    const g = ax.grad((z: ax.Array) => nn.sigmoidBinaryCrossEntropy(z, y).sum())(x);
    expectClose(g, ax.sigmoid(x).sub(y), { rtol: 0, atol: 1e-6 });
  });

  it('names the problem for labels that do not broadcast', () => {
    expect(() => nn.sigmoidBinaryCrossEntropy(ax.zeros([4]), ax.zeros([3]))).toThrow(
      /sigmoidBinaryCrossEntropy: labels float32\[3\] does not broadcast to float32\[4\]/,
    );
  });
});

describe('squaredError, l2Loss and meanSquaredError', () => {
  const p = ax.array([
    [1, 2],
    [3, 3],
  ]);
  const t = ax.array([
    [0, 0],
    [3, 4],
  ]);

  it('squaredError and l2Loss are elementwise, as in optax', () => {
    expect(values(nn.squaredError(p, t))).toEqual([1, 4, 0, 1]);
    expect(values(nn.squaredError(p))).toEqual([1, 4, 9, 9]);
    expect(values(nn.l2Loss(p, t))).toEqual([0.5, 2, 0, 0.5]);
  });

  it('meanSquaredError averages the trailing axes of each example', () => {
    expect(values(nn.meanSquaredError(p, t))).toEqual([2.5, 0.5]);
    expect(nn.mse).toBe(nn.meanSquaredError);
    const cube = ax.arange(8).reshape([2, 2, 2]).astype('float32');
    expect(values(nn.meanSquaredError(cube, ax.zerosLike(cube)))).toEqual([
      (0 + 1 + 4 + 9) / 4,
      (16 + 25 + 36 + 49) / 4,
    ]);
    expect(values(nn.meanSquaredError(ax.array([1, 2]), ax.array([3, 3])))).toEqual([4, 1]);
  });

  it('has gradient (predictions - targets) for l2Loss', () => {
    const g = ax.grad((z: ax.Array) => nn.l2Loss(z, t).sum())(p);
    expect(values(g)).toEqual(values(p.sub(t)));
  });

  it('names the problem for shapes that differ and integer predictions', () => {
    expect(() => nn.squaredError(p, ax.zeros([2]))).toThrow(
      /squaredError: predictions float32\[2,? ?2\] and targets float32\[2\] must have the same shape/,
    );
    expect(() => nn.meanSquaredError(ax.array([1], 'int32'), ax.array([1], 'int32'))).toThrow(
      /meanSquaredError: predictions must be float32/,
    );
  });
});
