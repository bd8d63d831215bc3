import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { expectClose, values } from '../close.js';
import { expectJitMatchesEager, F32, layerGradient, normalArray } from './layer-checks.js';

const EXACT = { rtol: 0, atol: 0 };
const f32 = (...shape: number[]): ax.ShapeDtype => new ax.ShapeDtype(shape, 'float32');

/** What the tests use of an activation's template (whatever its options type). */
interface ActivationTemplate {
  spec(inSpec: ax.ShapeDtype): ax.ShapeDtype;
  init(initKey: ax.Array, inSpec: ax.ShapeDtype): nn.Layer;
}

interface Case {
  readonly name: string;
  readonly template: ActivationTemplate;
  readonly reference: (x: ax.Array) => ax.Array;
}

const cases: Case[] = [
  { name: 'Relu', template: nn.Relu(), reference: (x) => ax.relu(x) },
  { name: 'Tanh', template: nn.Tanh(), reference: (x) => ax.tanh(x) },
  { name: 'Sigmoid', template: nn.Sigmoid(), reference: (x) => ax.sigmoid(x) },
  { name: 'Softplus', template: nn.Softplus(), reference: (x) => ax.softplus(x) },
  { name: 'Gelu', template: nn.Gelu(), reference: (x) => ax.gelu(x, true) },
  { name: 'Gelu', template: nn.Gelu({ approximate: false }), reference: (x) => ax.gelu(x, false) },
  { name: 'Softmax', template: nn.Softmax(), reference: (x) => ax.softmax(x, -1) },
  { name: 'LogSoftmax', template: nn.LogSoftmax(), reference: (x) => ax.logSoftmax(x, -1) },
];

const init = (t: ActivationTemplate, shape: readonly number[]): nn.Layer =>
  t.init(ax.random.key(0), new ax.ShapeDtype(shape, 'float32'));

describe.each(cases)('$name ($template)', ({ name, template, reference }) => {
  it('keeps the input spec and has no parameters', () => {
    for (const shape of [[10], [5, 10], [1, 5, 10]]) {
      expect(template.spec(new ax.ShapeDtype(shape, 'float32')).shape).toEqual(shape);
      const layer = init(template, shape);
      expect(ax.tree.leaves(layer)).toEqual([]);
      expect(String(layer)).toBe(`${name}()`);
    }
  });

  it('equals the core function (random shapes, normal inputs scaled by up to 10, exactly)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.nat(1000),
        (shape, scale, seed) => {
          const x = normalArray(seed, shape).mul(scale);
          expectClose(init(template, shape).call(x), reference(x), EXACT);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('under vmap equals the core function on the whole batch (its axis -1 is per example)', () => {
    const x = normalArray(1, [4, 3]);
    const layer = init(template, [3]);
    expectClose(ax.vmap((row: ax.Array) => layer.call(row))(x), reference(x), F32);
  });

  it('has the core function gradient with respect to x, and a layer-shaped one with respect to itself', () => {
    const x = normalArray(2, [5]);
    const cotangent = normalArray(3, [5]);
    const layer = init(template, [5]);
    const loss = (f: (y: ax.Array) => ax.Array) => (y: ax.Array) => f(y).mul(cotangent).sum();
    expectClose(ax.grad(loss((y) => layer.call(y)))(x), ax.grad(loss(reference))(x), F32);
    layerGradient(layer, x, cotangent);
  });

  it('gives the same values jitted as eagerly', () => {
    expectJitMatchesEager(init(template, [2, 3]), normalArray(4, [2, 3]));
  });
});

describe('activation layers', () => {
  const layer = (t: ActivationTemplate, n: number): nn.Layer => t.init(ax.random.key(0), f32(n));

  it('compute the hand-checked values', () => {
    expectClose(layer(nn.Relu(), 3).call(ax.array([-1, 0, 2])), [0, 0, 2], EXACT);
    expectClose(layer(nn.Tanh(), 2).call(ax.array([0, 0.5])), [0, Math.tanh(0.5)], F32);
    expectClose(layer(nn.Sigmoid(), 2).call(ax.array([0, 2])), [0.5, 1 / (1 + Math.exp(-2))], F32);
    expectClose(layer(nn.Softplus(), 2).call(ax.array([0, 1])), [Math.LN2, Math.log1p(Math.E)], F32);
    // jax.nn.gelu(1.0) with approximate=True and False.
    expectClose(layer(nn.Gelu(), 1).call(ax.array([1])), [0.841192], { rtol: 0, atol: 1e-6 });
    expectClose(layer(nn.Gelu({ approximate: false }), 1).call(ax.array([1])), [0.8413447], {
      rtol: 0,
      atol: 1e-6,
    });
    expectClose(layer(nn.Softmax(), 2).call(ax.array([0, Math.log(3)])), [0.25, 0.75], F32);
    expectClose(layer(nn.LogSoftmax(), 2).call(ax.array([0, 0])), [-Math.LN2, -Math.LN2], F32);
  });

  it('normalise over the last axis: softmax rows of a [2, 3] input each sum to 1', () => {
    const y = nn
      .Softmax()
      .init(ax.random.key(0), ax.zeros([2, 3]))
      .call(normalArray(5, [2, 3]));
    expectClose(y.sum(1), [1, 1], F32);
  });

  it('spec follows the function: Sigmoid of int32 is float32, Relu keeps int32', () => {
    const ints = new ax.ShapeDtype([3], 'int32');
    expect(nn.Sigmoid().spec(ints).dtype).toBe('float32');
    expect(nn.Relu().spec(ints).dtype).toBe('int32');
  });

  it('are distinct classes named after their factories', () => {
    const relu = layer(nn.Relu(), 2);
    expect(relu).toBeInstanceOf(nn.Relu);
    expect(relu).toBeInstanceOf(nn.ActivationLayer);
    expect(relu).not.toBeInstanceOf(nn.Tanh);
    expect(nn.Relu.name).toBe('Relu');
    expect(nn.ReluLayer.name).toBe('ReluLayer');
  });

  it('chain after Dense: Dense(4) >> Relu >> Dense(2) is relu(x W1 + b1) W2 + b2', () => {
    const net = nn.Dense(4).compose(nn.Relu()).compose(nn.Dense(2));
    const model = net.init(ax.random.key(7), ax.zeros([3]));
    const [d1, , d2] = model.params as [nn.DenseLayer, nn.Layer, nn.DenseLayer];
    const x = normalArray(8, [3]);
    const hidden = ax.relu(ax.dot(x, d1.params.kernel).add(d1.params.bias));
    expectClose(model.call(x), ax.dot(hidden, d2.params.kernel).add(d2.params.bias), F32);
    expect(values(model.call(x)).length).toBe(2);
  });

  it('reject an input that is not one array, naming the layer', () => {
    const relu = layer(nn.Relu(), 2);
    expect(() => relu.call([ax.ones([2]), ax.ones([2])])).toThrow(
      /Relu: the input must be one array, got \[\*, \*\]/,
    );
  });
});
