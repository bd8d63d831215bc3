import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { describe, expect, it } from 'vitest';
import { expectClose, values } from '../close.js';
import { Affine, TwoLayer } from './test-layers.js';

const key = ax.random.key(0);
const x = ax.array([
  [1, 2],
  [3, 4],
]);
const affine = () => Affine.config({ inputDims: 2, outputDims: 2 }).instantiate();
type Dict = Record<string, ax.Array>;

describe('init and apply follow Flax', () => {
  it('init returns params and non_trainable, nested by child name', () => {
    const vars = TwoLayer.config({ dims: 2 }).instantiate().init(key, x);
    expect(Object.keys(vars).sort()).toEqual(['non_trainable', 'params']);
    expect(Object.keys(vars.params!)).toEqual(['first', 'second']);
    expect(Object.keys(vars.params!.first as Dict).sort()).toEqual(['b', 'w']);
    expect(values((vars.non_trainable!.first as Dict).calls!)).toEqual([0]);
  });

  it('init draws each variable from the params key and its path: same key, same values', () => {
    const layer = TwoLayer.config({ dims: 2 }).instantiate();
    const a = layer.init(key, x);
    const b = layer.init(key, x);
    const w = (v: nn.pax.Variables, child: string) => values((v.params![child] as Dict).w!);
    expect(w(a, 'first')).toEqual(w(b, 'first'));
    expect(w(a, 'first')).not.toEqual(w(a, 'second'));
    expect(w(layer.init(ax.random.key(1), x), 'first')).not.toEqual(w(a, 'first'));
  });

  it('apply without mutable returns the output alone; with it, the output and the changed collections', () => {
    const layer = affine();
    const vars = layer.init(key, x);
    const y = layer.apply(vars, x);
    expect(y.shape).toEqual([2, 2]);
    const [y2, updated] = layer.apply(vars, x, { mutable: ['non_trainable', 'summaries'] });
    expectClose(y2, y, { rtol: 0, atol: 0 });
    expect(values((updated.non_trainable as Dict).calls!)).toEqual([1]);
    expect(values((updated.summaries as Dict).mean_scalar!)).toEqual([2.5]);
    expect(updated.params).toBeUndefined();
    // The input variables are not changed.
    expect(values((vars.non_trainable as Dict).calls!)).toEqual([0]);
  });

  it('updateVar is a no-op during init and when non_trainable is not mutable', () => {
    const layer = affine();
    const vars = layer.init(key, x);
    expect(values((vars.non_trainable as Dict).calls!)).toEqual([0]);
    const [, updated] = layer.apply(vars, x, { mutable: ['summaries'] });
    expect(updated.non_trainable).toBeUndefined();
  });

  it('mutable: true returns every collection', () => {
    const layer = affine();
    const [, updated] = layer.apply(layer.init(key, x), x, { mutable: true });
    expect(Object.keys(updated).sort()).toEqual(['non_trainable', 'params', 'summaries']);
  });

  it('a missing theta names the layer and what it declares', () => {
    const layer = affine();
    const vars = layer.init(key, x);
    expect(() =>
      layer.apply({ params: { w: (vars.params as Dict).w! }, non_trainable: vars.non_trainable! }, x),
    ).toThrow(
      /Affine 'Affine': no theta.b in params \(declared, but missing from the variables given to apply\)/,
    );
    class Reads extends nn.BaseLayer {
      call(v: ax.Array) {
        return v.mul((this.theta as Record<string, ax.Array>).nope!);
      }
    }
    const reads = Reads.config().instantiate();
    expect(() => reads.apply({ params: {} }, x)).toThrow(
      /Reads 'Reads': no theta.nope in params \(it declares none\)/,
    );
  });

  it('updateVar refuses a new shape', () => {
    class Grows extends nn.BaseLayer {
      override setup() {
        this.createVariable('s', new nn.WeightHParams({ shape: [2] }), { trainable: false });
      }
      call(v: ax.Array) {
        this.updateVar('s', ax.zeros([3]));
        return v;
      }
    }
    const layer = Grows.config().instantiate();
    const vars = layer.init(key, x);
    expect(() => layer.apply(vars, x, { mutable: ['non_trainable'] })).toThrow(
      /updateVar\('s'\): the new value must be float32\[2\], got float32\[3\]/,
    );
  });

  it('apply with method runs that method', () => {
    class TwoMethods extends nn.BaseLayer {
      call(v: ax.Array) {
        return v;
      }
      double(v: ax.Array) {
        return v.mul(2);
      }
    }
    const layer = TwoMethods.config().instantiate();
    expect(values(layer.apply({}, x, { method: 'double' }) as ax.Array)).toEqual([2, 4, 6, 8]);
    expect(() => layer.apply({}, x, { method: 'triple' })).toThrow(/no method 'triple'/);
  });
});

describe('variables', () => {
  it('a variable annotated NON_TRAINABLE goes to non_trainable even if trainable is left true', () => {
    class Annotated extends nn.BaseLayer {
      override setup() {
        this.createVariable(
          'stat',
          new nn.WeightHParams({ shape: [2], collections: [nn.pax.WeightHParamsCollection.NON_TRAINABLE] }),
        );
      }
      call(v: ax.Array) {
        return v.add(this.getVar('stat'));
      }
    }
    const vars = Annotated.config()
      .instantiate()
      .init(key, ax.zeros([2]));
    expect(vars.params).toBeUndefined();
    expect(Object.keys(vars.non_trainable!)).toEqual(['stat']);
  });

  it('dtype and init default to the layer; non-trainable ones are annotated', () => {
    const meta = affine().abstractInit();
    const w = (meta.params as Record<string, nn.WeightHParams>).w!;
    expect(w.dtype).toBe('float32');
    expect(nn.pax.isDefaultParamsInit(w.init!)).toBe(true);
    const calls = (meta.non_trainable as Record<string, nn.WeightHParams>).calls!;
    expect(nn.pax.varNotTrainable(calls)).toBe(true);
    expect(nn.pax.varNotTrainable(w)).toBe(false);
  });

  it('abstractInit allocates no arrays', () => {
    const layer = TwoLayer.config({ dims: 64 }).instantiate();
    const before = JSON.stringify(ax.memory());
    const meta = layer.abstractInit();
    expect(JSON.stringify(ax.memory())).toBe(before);
    expect((meta.params!.second as Record<string, nn.WeightHParams>).w!.shape).toEqual([64, 64]);
  });

  it('declaring twice, under a hyperparameter name, or outside setup is an error', () => {
    class Twice extends nn.BaseLayer<{ size: number }> {
      override setup() {
        this.createVariable('w', new nn.WeightHParams({ shape: [1] }));
        this.createVariable('w', new nn.WeightHParams({ shape: [1] }));
      }
      call(v: ax.Array) {
        return v;
      }
    }
    expect(() => Twice.config({ size: 1 }).instantiate().init(key, x)).toThrow(
      /a variable named 'w' already exists/,
    );
    class HpName extends nn.BaseLayer<{ size: number }> {
      override setup() {
        this.createVariable('size', new nn.WeightHParams({ shape: [1] }));
      }
      call(v: ax.Array) {
        return v;
      }
    }
    expect(() => HpName.config({ size: 1 }).instantiate().abstractInit()).toThrow(
      /'size' is the name of a hyperparameter/,
    );
    class Late extends nn.BaseLayer {
      call(v: ax.Array) {
        this.createVariable('w', new nn.WeightHParams({ shape: [1] }));
        return v;
      }
    }
    expect(() => Late.config().instantiate().init(key, x)).toThrow(/only setup\(\) may declare/);
  });
});

describe('children', () => {
  class Stack extends nn.BaseLayer<{ count: number; tpl: nn.pax.LayerConfig<Affine> | string }> {
    layers!: Affine[];
    override setup() {
      this.layers = this.createChildren(
        'block',
        globalThis.Array.from({ length: this.hp.count }, () => this.hp.tpl as nn.pax.LayerConfig<Affine>),
      );
    }
    call(v: ax.Array) {
      return this.layers.reduce((h, l) => l.call(h), v);
    }
  }

  it('createChildren names them name_0..name_n-1, and their variables nest under those names', () => {
    const layer = Stack.config({
      count: 3,
      tpl: Affine.config({ inputDims: 2, outputDims: 2 }),
    }).instantiate();
    expect([...layer.children.keys()]).toEqual(['block_0', 'block_1', 'block_2']);
    expect(Object.keys(layer.init(key, x).params!)).toEqual(['block_0', 'block_1', 'block_2']);
  });

  it('a child that is not a config, a duplicate child, and a child named like a hyperparameter are errors', () => {
    expect(() => Stack.config({ count: 1, tpl: 'Affine' }).instantiate().abstractInit()).toThrow(
      /child 'block_0' must be a layer config/,
    );
    class Dup extends nn.BaseLayer<{ dims: number }> {
      override setup() {
        this.createChild('a', Affine.config({ inputDims: 1, outputDims: 1 }));
        this.createChild('a', Affine.config({ inputDims: 1, outputDims: 1 }));
      }
      call(v: ax.Array) {
        return v;
      }
    }
    expect(() => Dup.config({ dims: 1 }).instantiate().abstractInit()).toThrow(
      /a child named 'a' already exists/,
    );
    class Clash extends nn.BaseLayer<{ dims: number }> {
      override setup() {
        this.createChild('dims', Affine.config({ inputDims: 1, outputDims: 1 }));
      }
      call(v: ax.Array) {
        return v;
      }
    }
    expect(() => Clash.config({ dims: 1 }).instantiate().abstractInit()).toThrow(
      /'dims' is the name of a hyperparameter/,
    );
  });

  it('a layer used outside init/apply says so', () => {
    expect(() => affine().call(x)).toThrow(/Affine 'Affine'.getVar: only inside init or apply/);
  });
});

describe('randomness and context', () => {
  const noisy = () => TwoLayer.config({ dims: 2, noise: 1 }).instantiate();

  it('nextPrngKey needs the stream, and its draws differ call to call', () => {
    const layer = noisy();
    const vars = layer.init(key, x);
    expect(() => layer.apply(vars, x)).toThrow(/nextPrngKey: no 'random' key was given/);
    const a = values(layer.apply(vars, x, { rngs: { random: ax.random.key(1) } }));
    const b = values(layer.apply(vars, x, { rngs: { random: ax.random.key(1) } }));
    const c = values(layer.apply(vars, x, { rngs: { random: ax.random.key(2) } }));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('doEval comes from the context', () => {
    const layer = noisy();
    const vars = layer.init(key, x);
    const evalOut = nn.withContext({ doEval: true }, () => layer.apply(vars, x));
    const clean = TwoLayer.config({ dims: 2 }).instantiate().apply(vars, x);
    expectClose(evalOut, clean, { rtol: 0, atol: 0 });
  });
});

describe('summaries and auxiliary losses', () => {
  class Reporter extends nn.BaseLayer {
    call(v: ax.Array) {
      this.addSummary('loud', v.sum(), { verbosity: nn.pax.SummaryVerbosity.ERROR });
      this.addSummary('chatty', v.sum(), { verbosity: nn.pax.SummaryVerbosity.DEBUG });
      this.addSummary('chatty', v.max(), { verbosity: nn.pax.SummaryVerbosity.DEBUG });
      this.addSummary('picture', ax.zeros([4, 4, 1]), { type: 'image' });
      this.addSummary('spread', v, { type: 'histogram' });
      this.addSummary('note', 'héllo', { type: 'text' });
      this.addAuxLoss('l2', v.square().sum());
      this.addAuxLoss('l2', v.sum(), ax.scalar(2));
      return v;
    }
  }
  const layer = Reporter.config().instantiate();
  const run = (verbosity: nn.pax.SummaryVerbosity) =>
    nn.withContext(
      { summaryVerbosity: verbosity },
      () => layer.apply({}, x, { mutable: ['summaries', 'aux_loss'] })[1],
    );

  it('are kept up to the verbosity level and absent above it', () => {
    expect(Object.keys(run(nn.pax.SummaryVerbosity.DEBUG).summaries!).sort()).toEqual([
      'chatty1_scalar',
      'chatty_scalar',
      'loud_scalar',
      'note_text',
      'picture_image',
      'spread_histogram',
    ]);
    expect(Object.keys(run(nn.pax.SummaryVerbosity.ERROR).summaries!)).toEqual(['loud_scalar']);
  });

  it('images gain a batch axis, text round-trips, aux losses sum value and weight', () => {
    const updated = run(nn.pax.SummaryVerbosity.DEBUG);
    const s = updated.summaries as Dict;
    expect(s.picture_image!.shape).toEqual([1, 4, 4, 1]);
    expect(nn.pax.summaryText(s.note_text!)).toBe('héllo');
    const aux = updated.aux_loss!.l2 as { value: ax.Array; weight: ax.Array };
    expect(values(aux.value)).toEqual([30 + 10]);
    expect(values(aux.weight)).toEqual([3]);
  });

  it('are not collected unless their collection is mutable', () => {
    expect(layer.apply({}, x, { mutable: ['non_trainable'] })[1]).toEqual({});
  });

  it('a scalar summary of a non-scalar is an error naming the summary and shape', () => {
    class Bad extends nn.BaseLayer {
      call(v: ax.Array) {
        this.addSummary('oops', v);
        return v;
      }
    }
    expect(() => Bad.config().instantiate().apply({}, x, { mutable: true })).toThrow(
      /addSummary 'oops': a scalar summary must be a scalar, got float32\[2, 2\]/,
    );
  });

  it('global summaries live in the context, under /name', () => {
    nn.withContext({}, () => {
      nn.pax.addGlobalSummary('lr', ax.scalar(0.1));
      nn.pax.addGlobalSummary('debug', ax.scalar(1), { verbosity: nn.pax.SummaryVerbosity.DEBUG });
      expect(Object.keys(nn.pax.allGlobalSummaries()).sort()).toEqual(['/debug_scalar', '/lr_scalar']);
      nn.pax.clearGlobalSummaries();
      expect(nn.pax.allGlobalSummaries()).toEqual({});
    });
    expect(() => nn.pax.addGlobalSummary('lr', ax.scalar(0.1))).toThrow(/run inside nn.withContext/);
  });
});

describe('transformations', () => {
  const layer = TwoLayer.config({ dims: 2 }).instantiate();
  const vars = layer.init(key, x);
  const loss = (params: Record<string, unknown>, input: ax.Array) =>
    layer.apply({ params, non_trainable: vars.non_trainable! }, input).square().sum();

  it('grad over the params tree matches central differences', () => {
    const g = ax.grad(loss)(vars.params!, x) as Record<string, Dict>;
    const w = (vars.params!.first as Dict).w!;
    const eps = 1e-2;
    const bump = (d: number) =>
      loss(
        {
          ...vars.params!,
          first: {
            ...(vars.params!.first as Dict),
            w: w.add(
              ax.array([
                [d, 0],
                [0, 0],
              ]),
            ),
          },
        },
        x,
      ).item() as number;
    const fd = (bump(eps) - bump(-eps)) / (2 * eps);
    expect(Math.abs(values(g.first!.w!)[0]! - fd)).toBeLessThan(1e-2 * Math.max(1, Math.abs(fd)));
  });

  it('jit and vmap of apply equal the eager call', () => {
    const eager = layer.apply(vars, x);
    expectClose(ax.jit((p: nn.pax.Variables, v: ax.Array) => layer.apply(p, v))(vars, x), eager, {
      rtol: 1e-6,
      atol: 1e-6,
    });
    const perRow = ax.vmap((row: ax.Array) => layer.apply(vars, row.reshape([1, 2])).reshape([2]))(x);
    expectClose(perRow, eager, { rtol: 1e-6, atol: 1e-6 });
  });

  it('a layer passes through jit as a static argument', () => {
    const f = ax.jit((l: TwoLayer, p: nn.pax.Variables, v: ax.Array) => l.apply(p, v));
    expectClose(f(layer, vars, x), layer.apply(vars, x), { rtol: 1e-6, atol: 1e-6 });
  });

  it('mutable collections come out of jit', () => {
    const a = affine();
    const av = a.init(key, x);
    const [, updated] = ax.jit((p: nn.pax.Variables, v: ax.Array) =>
      a.apply(p, v, { mutable: ['non_trainable'] }),
    )(av, x);
    expect(values((updated.non_trainable as Dict).calls!)).toEqual([1]);
  });
});
