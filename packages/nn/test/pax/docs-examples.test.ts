// Every example of docs/pax.md, run: each test holds the code of the doc's example of the same
// title (the doc shows the results as comments; here they are checked).
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { describe, expect, test } from 'vitest';
import { values } from '../close.js';

class Linear extends nn.BaseLayer<{ inputDims: number; outputDims: number }, 'w'> {
  override setup() {
    this.createVariable('w', new nn.WeightHParams({ shape: [this.hp.inputDims, this.hp.outputDims] }));
  }
  call(x: ax.Array) {
    return ax.matmul(x, this.theta.w);
  }
}

class Mlp extends nn.BaseLayer<{ dims: number; hiddenTpl: nn.pax.LayerConfig<Linear>; depth: number }> {
  static override readonly defaults = { depth: 2 } satisfies Partial<Mlp['hp']>;
  blocks!: Linear[];
  override setup() {
    this.blocks = this.createChildren(
      'block',
      globalThis.Array.from({ length: this.hp.depth }, () => this.hp.hiddenTpl),
    );
  }
  call(x: ax.Array) {
    return this.blocks.reduce((h, b) => ax.relu(b.call(h)), x);
  }
}

class Counter extends nn.BaseLayer {
  override setup() {
    this.createVariable('count', new nn.WeightHParams({ shape: [], init: nn.WeightInit.Constant(0) }), {
      trainable: false,
    });
  }
  call(x: ax.Array) {
    this.updateVar('count', this.getVar('count').add(1));
    const noise = this.doEval ? 0 : ax.random.normal(this.nextPrngKey(), x.shape).mul(0.01);
    return x.add(noise);
  }
}

const x = ax.ones([8, 64]);
const layer = Linear.config({ inputDims: 64, outputDims: 10 }).instantiate();
const vars = layer.init(ax.random.key(0), x);
const mlp = Mlp.config({ dims: 4, hiddenTpl: Linear.config({ inputDims: 4, outputDims: 4 }) });
const deeper = mlp.clone().set({ depth: 3, paramsInit: nn.WeightInit.Gaussian(0.1) });
const net = deeper.instantiate();

describe('docs/pax.md', () => {
  test('writing a layer', () => {
    const [y2, updated] = layer.apply(vars, x, {
      mutable: ['non_trainable', 'summaries'],
      rngs: { random: ax.random.key(1) },
    });
    expect(Object.keys(vars)).toEqual(['params']);
    expect((vars.params!.w as ax.Array).shape).toEqual([64, 10]);
    expect(layer.apply(vars, x).shape).toEqual([8, 10]);
    expect(y2.shape).toEqual([8, 10]);
    expect(updated).toEqual({});
  });

  test('configs', () => {
    expect([...net.children.keys()]).toEqual(['block_0', 'block_1', 'block_2']);
    expect(net.children.get('block_0')!.hp.paramsInit.toString()).toBe('WeightInit(gaussian, 0.1)');
    expect(mlp.hp.depth).toBe(2);
    expect(deeper.toText().split('\n')).toEqual(
      expect.arrayContaining(['cls : Mlp', 'depth : 3', 'hiddenTpl.cls : Linear']),
    );
  });

  test('variables, state and randomness', () => {
    const counter = Counter.config().instantiate();
    const state = counter.init(ax.random.key(0), x);
    const [, after] = counter.apply(state, x, {
      mutable: ['non_trainable'],
      rngs: { random: ax.random.key(2) },
    });
    const evaluated = nn.withContext({ doEval: true }, () => counter.apply(state, x));
    expect(values(state.non_trainable!.count as ax.Array)).toEqual([0]);
    expect(values(after.non_trainable!.count as ax.Array)).toEqual([1]);
    expect(values(evaluated)).toEqual(values(x));
  });

  test('declarations without arrays: abstractInit', () => {
    const meta = net.abstractInit();
    const w = (meta.params!.block_0 as Record<string, nn.WeightHParams>).w!;
    expect(w.shape).toEqual([4, 4]);
    expect(nn.pax.varNotTrainable(w)).toBe(false);
  });

  test('transformations', () => {
    const loss = (params: nn.pax.Variables[string], input: ax.Array) =>
      layer.apply({ params }, input).square().mean();
    const grads = ax.grad(loss)(vars.params!, x) as Record<string, ax.Array>;
    const fast = ax.jit((v: nn.pax.Variables, input: ax.Array) => layer.apply(v, input))(vars, x);
    const perExample = ax.vmap((row: ax.Array) => layer.apply(vars, row))(x);
    expect(grads.w!.shape).toEqual([64, 10]);
    expect(values(fast)).toEqual(values(layer.apply(vars, x)));
    expect(perExample.shape).toEqual([8, 10]);
  });
});
