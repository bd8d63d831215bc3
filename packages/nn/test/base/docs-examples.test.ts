// Every example of docs/state-and-nn.md, run: each test holds the code of the doc's example of the
// same title (the doc shows the results as comments; here they are checked).
import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { expectClose, values } from '../close.js';

const TOL = { rtol: 1e-5, atol: 1e-6 };

describe('docs/state-and-nn.md: state', () => {
  test('a stateful function and its module', () => {
    const dense = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array => {
      const w = ax.state.variable(ax.random.normal(initKey, [x.shape[0]!, 2]), { name: 'w' });
      const b = ax.state.variable(ax.zeros([2]), { name: 'b' });
      return ax.matmul(x, w).add(b);
    };
    const m = ax.state.init(dense)(ax.random.key(0), ax.ones([3]));
    const names = Object.keys(m.variables()); // ['w', 'b']
    const y = m.call(ax.ones([3])) as ax.Array; // f32[2]
    const out = ax.state.spec(dense)(new ax.ShapeDtype([3], 'float32')); // ShapeDtype f32[2]

    expect(names).toEqual(['w', 'b']);
    expect(y.shape).toEqual([2]);
    expect(out).toEqual(new ax.ShapeDtype([2], 'float32'));
  });

  test('state that changes: assign', () => {
    const counter = (x: ax.Array, _: ax.state.InitKwargs): ax.Array => {
      const n = ax.state.variable(ax.zeros([]), { name: 'n' });
      ax.state.assign(n.add(1), { name: 'n' });
      return x.mul(n);
    };
    const m = ax.state.init(counter)(ax.random.key(0), ax.ones([2]));
    const [y, m1] = m.callAndUpdate(ax.ones([2])); // y = [0, 0]: the output sees the old n
    const n1 = m1.variables().n; // 1
    const n2 = m1.update(ax.ones([2])).variables().n; // 2

    expect(values(y as ax.Array)).toEqual([0, 0]);
    expect(values(n1 as ax.Array)).toEqual([1]);
    expect(values(n2 as ax.Array)).toEqual([2]);
  });

  test('modules are pytrees: grad, jit, vmap', () => {
    const affine = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
      ax.matmul(x, ax.state.variable(ax.random.normal(initKey, [3, 2]), { name: 'w' }));
    const m = ax.state.init(affine)(ax.random.key(0), ax.ones([3]));
    const loss = (mod: ax.state.FunctionModule, x: ax.Array): ax.Array =>
      ax.square(mod.call(x) as ax.Array).sum();

    const g = ax.grad(loss)(m, ax.ones([3])); // a FunctionModule; g.variables().w is f32[3,2]
    const fast = ax.jit(loss)(m, ax.ones([3])); // equals loss(m, ones)
    const callEach = (mod: ax.state.FunctionModule, x: ax.Array): ax.Array => mod.call(x) as ax.Array;
    const ys = ax.vmap(callEach, { inAxes: [null, 0] })(m, ax.ones([8, 3])); // f32[8,2]

    expect(g).toBeInstanceOf(ax.state.FunctionModule);
    expect((g.variables().w as ax.Array).shape).toEqual([3, 2]);
    expectClose(fast, loss(m, ax.ones([3])), TOL, 'jit');
    expect(ys.shape).toEqual([8, 2]);
  });

  test('an ensemble: vmap of init', () => {
    const affine = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
      ax.matmul(x, ax.state.variable(ax.random.normal(initKey, [3, 2]), { name: 'w' }));
    const keys = ax.random.split(ax.random.key(0), 5);
    const ensemble = ax.vmap((k: ax.Array) => ax.state.init(affine)(k, ax.ones([3])))(keys);
    const w = ensemble.variables().w as ax.Array; // f32[5,3,2]: five members
    const outs = ax.vmap((m: ax.state.FunctionModule) => m.call(ax.ones([3])) as ax.Array)(ensemble); // f32[5,2]

    expect(w.shape).toEqual([5, 3, 2]);
    expect(outs.shape).toEqual([5, 2]);
  });

  test('modules inside stateful functions: run', () => {
    const counter = (x: ax.Array, _: ax.state.InitKwargs): ax.Array => {
      const n = ax.state.variable(ax.zeros([]), { name: 'n' });
      ax.state.assign(n.add(1), { name: 'n' });
      return x.add(n);
    };
    const twice = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array => {
      const [k1, k2] = ax.random.unstackKeys(ax.random.split(initKey)) as [ax.Array, ax.Array];
      const first = ax.state.init(counter, { name: 'first' })(k1, x);
      const second = ax.state.init(counter, { name: 'second' })(k2, x);
      return second.run(first.run(x)) as ax.Array;
    };
    const m = ax.state.init(twice)(ax.random.key(0), ax.ones([2]));
    const names = Object.keys(m.variables()); // ['first', 'second'], each a FunctionModule
    const m1 = m.update(ax.ones([2]));
    const n = (m1.variables().first as ax.state.FunctionModule).variables().n; // 1

    expect(names).toEqual(['first', 'second']);
    expect(values(n as ax.Array)).toEqual([1]);
    expect(values((m1.variables().second as ax.state.FunctionModule).variables().n as ax.Array)).toEqual([1]);
  });

  test('fan-out and composition: tuples and lists', () => {
    const heads = ax.state.tuple(
      (x: ax.Array) => x.add(1),
      (x: ax.Array) => x.mul(2),
    );
    const fanned = ax.state.init(heads)(ax.random.key(0), ax.ones([2]));
    const both = ax.state.call(fanned, ax.ones([2])) as ax.Array[]; // [[2, 2], [2, 2]]
    const steps = [(x: ax.Array) => x.add(1), (x: ax.Array) => x.mul(2)];
    const chain = ax.state.init(steps)(ax.random.key(0), ax.ones([2]));
    const composed = ax.state.call(chain, ax.ones([2])) as ax.Array; // [4, 4]

    expect(both.map((y) => values(y))).toEqual([
      [2, 2],
      [2, 2],
    ]);
    expect(values(composed)).toEqual([4, 4]);
  });

  test('keyword arguments and kwarg rules', () => {
    // A primitive that adds 1, except when the module's call says `training: false`.
    const trainingAdd = ax.definePrimitive<Record<string, never>>({
      name: 'docs_training_add',
      abstractEval: ([x]) => [x!],
      decompose: ([x]) => [ax.lax.add(x!, ax.onesLike(x!))],
    });
    ax.state.defineKwargsRule(trainingAdd, ([x], _params, kwargs) =>
      kwargs.training === false ? [x!] : [ax.lax.add(x!, ax.onesLike(x!))],
    );
    const f = (x: ax.Array): ax.Array => ax.bind(trainingAdd, [x], {})[0]!;

    const m = ax.state.init(f)(ax.random.key(0), ax.ones([2]));
    const train = m.call(ax.ones([2])) as ax.Array; // [2, 2]
    const evaluate = m.call(ax.ones([2]), { training: false }) as ax.Array; // [1, 1]
    const jitted = ax.jit((x: ax.Array) => m.call(x, { training: false }) as ax.Array)(ax.ones([2])); // [1, 1]

    expect(values(train)).toEqual([2, 2]);
    expect(values(evaluate)).toEqual([1, 1]);
    expect(values(jitted)).toEqual([1, 1]);
  });
});

describe('docs/state-and-nn.md: nn', () => {
  test('templates and layers', () => {
    const mlp = nn.Dense(32).compose(nn.Relu()).compose(nn.Dense(10));
    const out = mlp.spec(new ax.ShapeDtype([64], 'float32')); // ShapeDtype f32[10]
    const net = mlp.init(ax.random.key(0), new ax.ShapeDtype([64], 'float32'));
    const text = String(net); // 'Dense(32) >> Relu() >> Dense(10)': one Serial of three
    const y = net.call(ax.ones([64])); // f32[10]
    const batch = ax.vmap((x: ax.Array) => net.call(x))(ax.ones([16, 64])); // f32[16,10]

    expect(out).toEqual(new ax.ShapeDtype([10], 'float32'));
    expect(text).toBe('Dense(32) >> Relu() >> Dense(10)');
    expect(y.shape).toEqual([10]);
    expect(batch.shape).toEqual([16, 10]);
  });

  test('keyword arguments: training and rng', () => {
    const net = nn
      .Dense(8)
      .compose(nn.Dropout(0.5))
      .init(ax.random.key(0), ax.ones([4]));
    const x = ax.ones([4]);
    const a = net.call(x, { rng: ax.random.key(1) }); // training (the default): about half are 0
    const b = net.call(x, { rng: ax.random.key(1) }); // the same key, the same mask: b equals a
    const c = net.call(x, { training: false }); // dropout off: no rng needed

    expectClose(a, b, { rtol: 0, atol: 0 }, 'same rng, same output');
    expect(values(a).some((v) => v === 0)).toBe(true);
    expect(values(c).every((v) => v !== 0)).toBe(true);
  });

  test('templates inside stateful functions', () => {
    const net = nn.Dense(8).compose(nn.Dropout(0.5));
    const f = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
      net.call(x, { initKey, name: 'net', rng: initKey }).sum();
    const m = ax.state.init(f)(ax.random.key(0), ax.ones([4]));
    const names = Object.keys(m.variables()); // ['net'], an nn.Serial
    const a = m.call(ax.ones([4]), { rng: ax.random.key(1) }) as ax.Array; // this call's mask
    const b = m.call(ax.ones([4]), { training: false }) as ax.Array; // no dropout

    expect(names).toEqual(['net']);
    expect(m.variables().net).toBeInstanceOf(nn.Serial);
    const serial = m.variables().net as nn.Serial;
    expectClose(a, serial.call(ax.ones([4]), { rng: ax.random.key(1) }).sum(), TOL, 'rng reaches the layers');
    expectClose(b, serial.call(ax.ones([4]), { training: false }).sum(), TOL, 'training reaches the layers');
  });

  test('writing a layer', () => {
    class ScaleLayer extends nn.Layer<{ w: ax.Array }, nn.Empty, nn.Empty> {
      static initialize(key: ax.Array, inSpec: ax.ShapeDtype, init = 1) {
        const noise = ax.random.normal(key, inSpec.shape).mul(0.01);
        return nn.layerParams({ params: { w: ax.full(inSpec.shape, init).add(noise) } });
      }

      static spec(inSpec: ax.ShapeDtype): ax.ShapeDtype {
        return inSpec;
      }

      protected override _call(x: ax.Array): ax.Array {
        return x.mul(this.params.w);
      }
    }
    const Scale = nn.layerFactory(ScaleLayer);

    const layer = Scale(2).init(ax.random.key(0), ax.ones([3]));
    const isScale = layer instanceof Scale; // true
    const y = layer.call(ax.ones([3])); // about [2, 2, 2]
    const grads = ax.grad((l: ScaleLayer) => l.call(ax.ones([3])).sum())(layer); // a ScaleLayer
    const gw = grads.params.w; // [1, 1, 1]

    expect(isScale).toBe(true);
    expectClose(y, ax.full([3], 2), { rtol: 0, atol: 0.1 }, 'scale');
    expect(values(gw)).toEqual([1, 1, 1]);
  });

  test('a layer with state and its own batch behaviour', () => {
    /** Centres a batch under vmap and keeps a running mean; one example in training passes through. */
    class CenterLayer extends nn.Layer<nn.Empty, { mean: ax.Array }, nn.Empty> {
      static override readonly callKwargs = ['training'] as const;

      static initialize(_key: ax.Array, inSpec: ax.ShapeDtype) {
        return nn.layerParams({ state: { mean: ax.zeros(inSpec.shape) } });
      }

      static spec(inSpec: ax.ShapeDtype): ax.ShapeDtype {
        return inSpec;
      }

      protected override _call(x: ax.Array, { training = true }: nn.LayerKwargs): ax.Array {
        return training ? x : x.sub(this.state.mean);
      }

      override _callAndUpdateBatched(x: ax.Array, { training = true }: nn.LayerKwargs): [ax.Array, this] {
        if (!training) return [x.sub(this.state.mean), this];
        const mean = ax.mean(x, 0);
        const moving = this.state.mean.mul(0.9).add(mean.mul(0.1));
        return [x.sub(mean), this.replace({ state: { mean: moving } })];
      }
    }
    const Center = nn.layerFactory(CenterLayer);

    const layer = Center().init(ax.random.key(0), ax.zeros([2]));
    const xs = ax.array([
      [1, 2],
      [3, 6],
    ]);
    const cau = (x: ax.Array) => layer.callAndUpdate(x);
    const [ys, updated] = ax.vmap(cau, { outAxes: [0, null] })(xs); // ys = [[-1, -2], [1, 2]]
    const mean = updated.state.mean; // [0.2, 0.4], unbatched

    expect(values(ys)).toEqual([-1, -2, 1, 2]);
    expectClose(mean, ax.array([0.2, 0.4]), TOL, 'running mean');
  });

  test('a training step', () => {
    const model = nn.Dense(16).compose(nn.Relu()).compose(nn.Dropout(0.2)).compose(nn.Dense(3));
    let net = model.init(ax.random.key(0), new ax.ShapeDtype([4], 'float32'));
    const opt = nn.adam(1e-2);
    let optState = opt.init(net);

    type Step = [loss: ax.Array, net: nn.Serial, optState: nn.AdamState];
    const step = ax.jit(
      (n: nn.Serial, s: nn.AdamState, x: ax.Array, labels: ax.Array, rng: ax.Array): Step => {
        const keys = ax.random.split(rng, x.shape[0]!); // one dropout mask per example
        const loss = (layer: nn.Serial): [ax.Array, nn.Serial] => {
          const cau = (xi: ax.Array, k: ax.Array) => layer.callAndUpdate(xi, { rng: k });
          const [logits, updated] = ax.vmap(cau, { outAxes: [0, null] })(x, keys);
          return [ax.mean(nn.softmaxCrossEntropy(logits, labels)), updated];
        };
        const lossAndGrad = ax.valueAndGrad<[nn.Serial], [ax.Array, nn.Serial], nn.Serial>(loss, {
          hasAux: true,
        });
        const [[value, updated], grads] = lossAndGrad(n);
        const [updates, nextState] = opt.update(grads, s, n);
        return [value, nn.applyUpdates(updated, updates), nextState];
      },
    );

    const x = ax.random.normal(ax.random.key(1), [32, 4]);
    const teacher = ax.random.normal(ax.random.key(2), [4, 3]);
    const labels = ax.oneHot(ax.argmax(ax.matmul(x, teacher), 1), 3); // a rule the net can learn
    const losses: number[] = [];
    for (let i = 0; i < 50; i++) {
      const [value, n1, s1] = step(net, optState, x, labels, ax.random.key(100 + i));
      [net, optState] = [n1, s1];
      losses.push(value.dataSync()[0]!);
    }
    // losses[0] is about 1.17, losses[49] about 0.24

    expect(losses[49]!).toBeLessThan(losses[0]! * 0.7);
  });
});
