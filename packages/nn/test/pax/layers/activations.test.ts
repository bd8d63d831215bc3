import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../../close.js';
import { expectJitMatchesEager, expectThrowsWith, F32 } from './apply-checks.js';

const xs = [-1, -0.25, 0.5, 2];
const x = ax.array(xs);
const sig = (v: number) => 1 / (1 + Math.exp(-v));
const geluTanh = (v: number) => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3)));

// Each activation's value and derivative, by hand (away from 0, where ReLU has no derivative).
const cases = [
  { cls: nn.pax.ReLU, f: (v: number) => Math.max(v, 0), df: (v: number) => (v > 0 ? 1 : 0) },
  { cls: nn.pax.Tanh, f: Math.tanh, df: (v: number) => 1 - Math.tanh(v) ** 2 },
  { cls: nn.pax.Sigmoid, f: sig, df: (v: number) => sig(v) * (1 - sig(v)) },
  { cls: nn.pax.SiLU, f: (v: number) => v * sig(v), df: (v: number) => sig(v) * (1 + v * (1 - sig(v))) },
  { cls: nn.pax.Identity, f: (v: number) => v, df: () => 1 },
  { cls: nn.pax.GELU, f: geluTanh, df: null },
] as const;

describe('activations', () => {
  for (const { cls, f, df } of cases) {
    describe(cls.name, () => {
      const layer = cls.config().instantiate();
      const vars = layer.init(ax.random.key(0), x);

      it('has no variables, is a BaseActivation, and computes its function', () => {
        expect(layer).toBeInstanceOf(nn.pax.BaseActivation);
        expect(ax.tree.leaves(vars)).toEqual([]);
        expectClose(layer.apply(vars, x), xs.map(f), F32, cls.name);
      });

      it('keeps any shape', () => {
        const y = layer.apply(vars, ax.reshape(ax.arange(0, 6, 1, 'float32'), [1, 2, 3]));
        expect(y.shape).toEqual([1, 2, 3]);
      });

      it('under jit and vmap equals eager', () => {
        expectJitMatchesEager(layer, vars, x);
        expectClose(ax.vmap((v: ax.Array) => layer.apply(vars, v))(x), xs.map(f), F32, 'vmap');
      });

      if (df) {
        it('has the derivative by hand under grad', () => {
          expectClose(ax.grad((v: ax.Array) => layer.apply(vars, v).sum())(x), xs.map(df), F32, 'grad');
        });
      }

      it('rejects an integer input, naming the layer', () => {
        expectThrowsWith(() => layer.apply(vars, ax.array([1, 2], 'int32')), cls.name, 'float32', 'int32');
      });
    });
  }

  it("GELU is the tanh approximation by default (Praxis's), the erf form with approximate: false", () => {
    const one = ax.array([1]);
    const approx = nn.pax.GELU.config().instantiate();
    const exact = nn.pax.GELU.config({ approximate: false }).instantiate();
    expect(approx.hp.approximate).toBe(true);
    expectClose(approx.apply({}, one), [0.841192], F32, 'approximate');
    expectClose(exact.apply({}, one), [0.8413447], F32, 'exact');
  });
});
