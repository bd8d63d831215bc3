import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { describe, expect, it } from 'vitest';
import { expectClose, values } from '../../close.js';
import { expectJitMatchesEager, expectThrowsWith } from './apply-checks.js';

const EXACT = { rtol: 0, atol: 0 };
const dropout = (fields: Partial<nn.pax.DropoutHParams> = {}) => nn.pax.Dropout.config(fields).instantiate();
const rngs = (seed: number) => ({ rngs: { random: ax.random.key(seed) } });
const x = ax.random.normal(ax.random.key(7), [20, 8]);

describe('Dropout', () => {
  it('is the identity with keepProb 1 (the default), in training and without a key', () => {
    const layer = dropout();
    expect(layer.hp.keepProb).toBe(1);
    expect(layer.doEval).toBe(false);
    expectClose(layer.apply({}, x), x, EXACT, 'keepProb 1');
  });

  it('is the identity when the context evaluates, unless dropoutAtEval', () => {
    const layer = dropout({ keepProb: 0.5 });
    expectClose(
      nn.withContext({ doEval: true }, () => layer.apply({}, x)),
      x,
      EXACT,
      'eval',
    );
    const atEval = dropout({ keepProb: 0.5, dropoutAtEval: true });
    const y = nn.withContext({ doEval: true }, () => atEval.apply({}, x, rngs(1)));
    expect(values(y).some((v) => v === 0)).toBe(true);
  });

  it('zeroes elements or scales them by 1 / keepProb, the same mask for the same key', () => {
    const layer = dropout({ keepProb: 0.8 });
    const y = layer.apply({}, x, rngs(1));
    const xs = values(x);
    const expected = values(y).map((v, i) => (v === 0 ? 0 : xs[i]! / 0.8));
    expectClose(y, expected, { rtol: 1e-6, atol: 0 }, 'kept / keepProb');
    expect(values(y).some((v) => v === 0)).toBe(true);
    expectClose(layer.apply({}, x, rngs(1)), y, EXACT, 'same key');
    expect(values(layer.apply({}, x, rngs(2)))).not.toEqual(values(y));
  });

  it('keeps a fraction keepProb of the elements (0.7 ± 0.02 of 20000: over 4 standard deviations)', () => {
    const ones = ax.ones([200, 100]);
    const y = dropout({ keepProb: 0.7 }).apply({}, ones, rngs(3));
    const kept = values(y).filter((v) => v !== 0).length / 20000;
    expect(Math.abs(kept - 0.7)).toBeLessThan(0.02);
    // So the mean output stays the input's, 1, within 0.02 / 0.7.
    expect(Math.abs((ax.mean(y).item() as number) - 1)).toBeLessThan(0.03);
  });

  it('draws one mask value per broadcast dim slice: constant along those axes', () => {
    const ones = ax.ones([30, 8]);
    const rows = values(dropout({ keepProb: 0.5, noiseShapeBroadcastDims: [-1] }).apply({}, ones, rngs(4)));
    for (let r = 0; r < 30; r++) expect(new Set(rows.slice(r * 8, r * 8 + 8)).size).toBe(1);
    expect(new Set(rows).size).toBe(2); // both kept (2) and dropped (0) rows occur
    const cols = values(dropout({ keepProb: 0.5, noiseShapeBroadcastDims: [0] }).apply({}, ones, rngs(5)));
    for (let c = 0; c < 8; c++) expect(new Set(cols.filter((_, i) => i % 8 === c)).size).toBe(1);
    // An explicit noiseShape [1, 8] is the same as broadcasting dim 0.
    const shaped = dropout({ keepProb: 0.5, noiseShape: [1, 8] }).apply({}, ones, rngs(5));
    expect(values(shaped)).toEqual(cols);
  });

  it('rejects keepProb outside (0, 1], bad broadcast dims and noise shapes, and a missing key, clearly', () => {
    for (const keepProb of [0, -0.5, 1.5, Number.NaN]) {
      expectThrowsWith(() => dropout({ keepProb }).apply({}, x, rngs(1)), 'Dropout', 'keepProb', '(0, 1]');
    }
    expectThrowsWith(
      () => dropout({ keepProb: 0.5, noiseShapeBroadcastDims: [2] }).apply({}, x, rngs(1)),
      'noiseShapeBroadcastDims',
      '2',
    );
    expectThrowsWith(
      () => dropout({ keepProb: 0.5, noiseShape: [3, 8] }).apply({}, x, rngs(1)),
      'noise shape [3, 8]',
      'float32[20, 8]',
    );
    expectThrowsWith(() => dropout({ keepProb: 0.5 }).apply({}, x), 'Dropout', "no 'random' key");
  });

  it('under jit equals eager (the key an argument); its gradient is the mask / keepProb', () => {
    const layer = dropout({ keepProb: 0.6 });
    expectJitMatchesEager(layer, {}, x, { random: ax.random.key(8) });
    const ones = ax.ones([50]);
    const g = ax.grad((v: ax.Array) => layer.apply({}, v, rngs(9)).sum())(ones);
    // With x = 1 the output is the mask / keepProb itself.
    expectClose(g, layer.apply({}, ones, rngs(9)), EXACT, 'grad');
  });
});
