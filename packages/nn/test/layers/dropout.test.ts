import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { expectClose, values } from '../close.js';
import {
  expectCallKeepsOnlyItsOutput,
  expectJitMatchesEager,
  F32,
  layerGradient,
  normalArray,
} from './layer-checks.js';

const EXACT = { rtol: 0, atol: 0 };

function dropout(rate: number, shape: readonly number[] = [100]): nn.DropoutLayer {
  return nn.Dropout(rate).init(ax.random.key(0), new ax.ShapeDtype(shape, 'float32'));
}

/** Which elements a call kept: the non-zero outputs (the inputs used here have no zeros). */
const keptOf = (y: ax.Array): boolean[] => values(y).map((v) => v !== 0);

describe('Dropout', () => {
  const x = normalArray(1, [100]);

  it('keeps the input spec and holds its rate as info', () => {
    expect(nn.Dropout(0.5).spec(new ax.ShapeDtype([10], 'float32')).shape).toEqual([10]);
    expect(nn.Dropout(0.5).spec(new ax.ShapeDtype([5, 10], 'float32')).shape).toEqual([5, 10]);
    const layer = dropout(0.25);
    expect(layer.info).toEqual({ rate: 0.25 });
    expect(ax.tree.leaves(layer)).toEqual([]);
    expect(String(layer)).toBe('Dropout(0.25)');
  });

  it('zeroes dropped elements and scales kept ones by 1 / (1 - rate)', () => {
    const y = dropout(0.2).call(x, { rng: ax.random.key(5) });
    const xs = values(x);
    values(y).forEach((v, i) => expect([0, Math.fround(xs[i]! * Math.fround(1 / 0.8))]).toContain(v));
    expect(keptOf(y).some((k) => !k)).toBe(true);
  });

  it('draws the same mask from the same rng', () => {
    const layer = dropout(0.5);
    expectClose(layer.call(x, { rng: ax.random.key(9) }), layer.call(x, { rng: ax.random.key(9) }), EXACT);
  });

  it('draws a different mask from a different rng (between 10 and 90 of 100 elements differ at rate 0.5)', () => {
    const layer = dropout(0.5);
    const a = keptOf(layer.call(x, { rng: ax.random.key(1) }));
    const b = keptOf(layer.call(x, { rng: ax.random.key(2) }));
    const differing = a.filter((k, i) => k !== b[i]).length;
    expect(differing).toBeGreaterThan(10);
    expect(differing).toBeLessThan(90);
  });

  it('is the identity with training: false, with or without rng', () => {
    const layer = dropout(0.5);
    expectClose(layer.call(x, { training: false }), x, EXACT);
    expectClose(layer.call(x, { training: false, rng: ax.random.key(3) }), x, EXACT);
  });

  it('is the identity at rate 0', () => {
    expectClose(dropout(0).call(x, { rng: ax.random.key(3) }), x, EXACT);
  });

  it('requires rng in training, the default, with an error naming Dropout and rng', () => {
    const layer = dropout(0.5);
    expect(() => layer.call(x)).toThrow(/Dropout: rng is required when training/);
    expect(() => layer.call(x, { training: true })).toThrow(/Dropout: rng is required/);
  });

  it('preserves the mean: ones in, mean 1 and kept fraction 1 - rate (rate in [0, 0.9], 20000 elements, 5 standard errors)', () => {
    const n = 20000;
    const ones = ax.ones([n]);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.9, noNaN: true }), fc.nat(1000), (rate, seed) => {
        const y = dropout(rate, [n]).call(ones, { rng: ax.random.key(seed) });
        const keep = 1 - rate;
        // Each output is 1/keep with probability keep, else 0: variance (1 - keep) / keep.
        const meanError = 5 * Math.sqrt(rate / keep / n);
        const fractionError = 5 * Math.sqrt((keep * rate) / n);
        expect(Math.abs(values(y.mean())[0]! - 1)).toBeLessThanOrEqual(meanError + 1e-6);
        const kept = keptOf(y).filter(Boolean).length / n;
        expect(Math.abs(kept - keep)).toBeLessThanOrEqual(fractionError);
      }),
      { numRuns: 10 },
    );
  });

  it('has the mask times 1 / (1 - rate) as its gradient, and a layer-shaped gradient of itself', () => {
    const layer = dropout(0.4);
    const rng = ax.random.key(11);
    const kept = keptOf(layer.call(x, { rng }));
    const dx = ax.grad((y: ax.Array) => layer.call(y, { rng }).sum())(x);
    expectClose(
      dx,
      kept.map((k) => (k ? 1 / 0.6 : 0)),
      F32,
    );
    layerGradient(layer, x, ax.ones([100]), { rng });
  });

  it('gives the same values jitted as eagerly, rng passed in', () => {
    expectJitMatchesEager(dropout(0.3), x, { rng: ax.random.key(4) });
    expectJitMatchesEager(dropout(0.3), x, { training: false });
  });

  it('frees what an eager call computes on the way (the mask)', () => {
    expectCallKeepsOnlyItsOutput(dropout(0.3), x, { rng: ax.random.key(4) });
  });

  it('under vmap draws each example its mapped key, and one shared key gives every example the same mask', () => {
    const layer = dropout(0.5, [10]);
    const batch = normalArray(6, [3, 10]);
    const keys = ax.random.split(ax.random.key(8), 3);
    const mapped = ax.vmap((row: ax.Array, key: ax.Array) => layer.call(row, { rng: key }))(batch, keys);
    const perExample = ax.random
      .unstackKeys(keys)
      .map((key, i) => layer.call(ax.reshape(ax.lax.slice(batch, [i, 0], [i + 1, 10]), [10]), { rng: key }));
    expectClose(mapped, ax.stack(perExample), EXACT);
    const shared = ax.vmap((row: ax.Array) => layer.call(row, { rng: ax.random.key(8) }))(batch);
    const masks = [0, 1, 2].map((i) => keptOf(shared).slice(10 * i, 10 * i + 10));
    expect(masks[1]).toEqual(masks[0]);
    expect(masks[2]).toEqual(masks[0]);
  });

  it('after Dense in a chain gets the call keyword arguments: training false is the Dense output, an rng masks it', () => {
    const net = nn
      .Dense(50)
      .compose(nn.Dropout(0.5))
      .init(ax.random.key(2), ax.zeros([4]));
    const [dense] = net.params as [nn.DenseLayer, nn.DropoutLayer];
    const input = normalArray(3, [4]);
    const plain = values(dense.call(input));
    expectClose(net.call(input, { training: false }), plain, EXACT);
    const masked = values(net.call(input, { rng: ax.random.key(4) }));
    masked.forEach((v, i) => expect([0, Math.fround(plain[i]! * 2)]).toContain(v));
    expect(masked.filter((v) => v === 0).length).toBeGreaterThan(5);
    expect(() => net.call(input)).toThrow(/Dropout: rng is required/);
  });

  it('rejects a rate outside [0, 1), saying rate is the drop probability unlike Oryx, and a non-float input', () => {
    for (const rate of [1, -0.1, Number.NaN]) {
      expect(() => nn.Dropout(rate).spec(new ax.ShapeDtype([2], 'float32'))).toThrow(
        /Dropout: rate is the probability of dropping an element and must be in \[0, 1\).*Oryx/,
      );
    }
    expect(() => nn.Dropout(0.5).init(ax.random.key(0), new ax.ShapeDtype([2], 'int32'))).toThrow(
      ax.DTypeError,
    );
  });
});
