import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { Affine, AffineLayer } from './test-layers.js';

const values = (x: ax.Array): number[] => Array.from(x.dataSync());

describe('layers under jit', () => {
  it("jit traces through layer_cau, so the jitted program holds the layers' own primitives", () => {
    const layer = Affine(3)
      .compose(nn.Relu())
      .compose(Affine(2))
      .init(ax.random.key(0), ax.ones([4]));
    const f = (l: nn.Layer, x: ax.Array) => l.call(x);
    const x = ax.arange(4).astype('float32');
    const program = ax.jit(f).lower(layer, x).toString();
    expect(program).not.toContain('layer_cau');
    expect(program).toContain('dotGeneral');
    expect(values(ax.jit(f)(layer, x))).toEqual(values(f(layer, x)));
  });

  it('a module program keeps layer_cau, so a call-time keyword reaches the layer', () => {
    const template = Affine(2).compose(nn.Dropout(0.5));
    const m = ax.state.init((x: ax.Array, { initKey }: ax.state.InitKwargs) =>
      template.call(x, { initKey, rng: initKey }),
    )(ax.random.key(0), ax.ones([4]));
    expect(m.program.ir.toString()).toContain('layer_cau');
    const off = m.call(ax.ones([4]), { training: false }) as ax.Array;
    const dense = (m.variables().params as readonly AffineLayer[])[0]!;
    expect(values(off)).toEqual(values(dense.call(ax.ones([4]))));
  });

  it('two layers of one class whose static info differs get their own jitted programs', () => {
    const x = ax.ones([8]);
    const half = nn.Dropout(0.5).init(ax.random.key(0), x);
    const most = nn.Dropout(0.9).init(ax.random.key(0), x);
    const g = ax.jit((l: nn.Layer, key: ax.Array) => l.call(x, { rng: key }));
    const kept = (y: ax.Array): number[] => values(y).filter((v) => v !== 0);
    expect(new Set(kept(g(half, ax.random.key(1))))).toEqual(new Set([2]));
    expect(new Set(kept(g(most, ax.random.key(1))))).toEqual(new Set([10]));
  });
});
