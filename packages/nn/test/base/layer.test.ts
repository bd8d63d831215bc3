import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { expectClose, values } from '../close.js';
import {
  Affine,
  AffineLayer,
  Noise,
  resetSpy,
  ScaleState,
  Spy,
  spied,
  SpyLayer,
  Squash,
} from './test-layers.js';

const spec5 = new ax.ShapeDtype([5], 'float32');
const EXACT = { rtol: 0, atol: 0 };

describe('LayerParams (Oryx base_test)', () => {
  test('every part defaults to empty', () => {
    expect(nn.layerParams()).toEqual({ params: {}, state: {}, info: {} });
    const w = ax.ones([2]);
    const lp = nn.layerParams({ params: { w } });
    expect(lp.params.w).toBe(w);
    expect(lp.state).toEqual({});
    expect(lp.info).toEqual({});
  });
});

describe('layer factories and templates', () => {
  test('a factory called with or without new gives a template of its layer class and arguments', () => {
    for (const t of [Affine(3), new Affine(3)]) {
      expect(t).toBeInstanceOf(nn.Template);
      expect(t.cls).toBe(AffineLayer);
      expect(t.initArgs).toEqual([3]);
    }
    expect(Affine.layer).toBe(AffineLayer);
    expect(Affine.name).toBe('Affine');
  });

  test('instanceof the factory tests for the layer class, not the template', () => {
    const layer = Affine(3).init(ax.random.key(0), spec5);
    expect(layer instanceof Affine).toBe(true);
    expect(layer instanceof AffineLayer).toBe(true);
    expect(layer instanceof Squash).toBe(false);
    expect((Affine(3) as unknown) instanceof Affine).toBe(false);
  });

  test('init draws the parameters from the key for the input spec, given as a spec or an array', () => {
    const key = ax.random.key(2);
    const fromSpec = Affine(3).init(key, spec5);
    const fromArray = Affine(3).init(key, ax.ones([5]));
    expect(values(fromSpec.params.w)).toEqual(values(ax.random.normal(key, [5, 3])));
    expect(values(fromArray.params.w)).toEqual(values(fromSpec.params.w));
    expect(fromSpec.params.w.shape).toEqual([5, 3]);
  });

  test('init without a key is an error that says so', () => {
    const noKey = undefined as unknown as ax.Array;
    expect(() => Affine(3).init(noKey, spec5)).toThrow(
      'AffineLayer: cannot initialise a template without an init key (got undefined)',
    );
    expect(() => (ax.state.init(Affine(3)) as (...a: unknown[]) => unknown)(undefined, spec5)).toThrow(
      'init: an init key is required',
    );
  });

  test('spec gives the output spec for a spec or an array, also through ax.state.spec', () => {
    const out = new ax.ShapeDtype([3], 'float32');
    expect(Affine(3).spec(spec5)).toEqual(out);
    expect(Affine(3).spec(ax.ones([5]))).toEqual(out);
    expect(ax.state.spec(Affine(3))(spec5)).toEqual(out);
    expect(() => Affine(3).spec(5 as unknown as ax.ShapeDtype)).toThrow(
      'Template: the input must be an array or a ShapeDtype, got 5',
    );
  });

  test('ax.state.init of a template is its init, named or not', () => {
    const key = ax.random.key(1);
    const layer = ax.state.init(Affine(3), { name: 'fc' })(key, spec5) as AffineLayer;
    expect(layer).toBeInstanceOf(AffineLayer);
    expect(layer.name).toBe('fc');
    expect(values(layer.params.w)).toEqual(values(Affine(3).init(key, spec5).params.w));
  });
});

describe('a layer', () => {
  const layer = Affine(2).init(ax.random.key(0), new ax.ShapeDtype([3], 'float32'));
  const x = ax.array([1, -2, 0.5]);

  test('call is the forward pass; variables are its params and state', () => {
    expectClose(layer.call(x), ax.matmul(x, layer.params.w).add(layer.params.b), EXACT, 'call');
    expect(Object.keys(layer.variables())).toEqual(['params', 'state']);
    expect(layer.variables().params).toBe(layer.params);
    expect(layer.variables().state).toEqual({});
    expect(layer.arity).toBe(1);
  });

  test('replace swaps the parts given and keeps the rest, the class and the name', () => {
    const named = Affine(2).init(ax.random.key(0), new ax.ShapeDtype([3], 'float32'), { name: 'fc' });
    const b = ax.ones([2]);
    const replaced = named.replace({ params: { w: named.params.w, b } });
    expect(replaced).toBeInstanceOf(AffineLayer);
    expect(replaced.name).toBe('fc');
    expect(replaced.params.b === b && replaced.params.w === named.params.w).toBe(true);
    expect(named.params.b === b).toBe(false);
    expectClose(replaced.call(x), named.call(x).add(1), { rtol: 0, atol: 1e-6 }, 'replaced bias');
  });

  test('update gives the layer with its new state; callAndUpdate gives both, the output from the old state', () => {
    const s = ScaleState().init(ax.random.key(0), new ax.ShapeDtype([2], 'float32'));
    const v = ax.array([3, 4]);
    expect(values(s.update(v).state.scale)).toEqual([3, 4]);
    const [out, next] = s.callAndUpdate(v);
    expect(values(out)).toEqual([6, 8]);
    expect(values(next.state.scale)).toEqual([3, 4]);
    expect(values(next.call(v))).toEqual([9, 16]);
    expect(next).toBeInstanceOf(ScaleState.layer);
  });

  test('flatten gives [params, state] and {info, name}; unflatten rebuilds it (Oryx base_test)', () => {
    const named = Affine(2).init(ax.random.key(0), new ax.ShapeDtype([3], 'float32'), { name: 'foo' });
    const [children, data] = named.flatten();
    expect(children.length === 2 && children[0] === named.params && children[1] === named.state).toBe(true);
    expect(data).toEqual({ info: {}, name: 'foo' });
    const [leaves, def] = ax.tree.flatten(named);
    const rebuilt = ax.tree.unflatten<AffineLayer>(def, leaves);
    expect(rebuilt).toBeInstanceOf(AffineLayer);
    expect(rebuilt.name).toBe('foo');
    expectClose(rebuilt.call(x), named.call(x), EXACT, 'rebuilt call');
  });

  test('a layer is a pytree of its params and state', () => {
    const leaves = ax.tree.leaves(layer);
    expect(leaves).toHaveLength(2);
    const doubled = ax.tree.map((l) => (l as ax.Array).mul(2), layer);
    expect(doubled).toBeInstanceOf(AffineLayer);
    expectClose(doubled.params.w, layer.params.w.mul(2), EXACT, 'mapped w');
  });

  test('its string is the class name (Oryx __str__); a Serial joins its children with >>', () => {
    expect(String(layer)).toBe('AffineLayer()');
    const serial = Affine(2)
      .compose(Squash())
      .init(ax.random.key(0), new ax.ShapeDtype([3], 'float32'));
    expect(String(serial)).toBe('AffineLayer() >> SquashLayer()');
  });
});

describe('keyword arguments of a layer call', () => {
  const spy = Spy().init(ax.random.key(0), new ax.ShapeDtype([2], 'float32'));

  test('are filtered to those _call and _update declare', () => {
    resetSpy();
    const rng = ax.random.key(5);
    spy.call(ax.ones([2]), { training: false, rng, other: 3 });
    expect(spied.call.length).toBeGreaterThan(0);
    for (const k of spied.call) expect(k).toEqual({ training: false });
    expect(spied.update.length).toBeGreaterThan(0);
    for (const k of spied.update) expect(Object.keys(k)).toEqual(['rng']);
  });

  test('a method declaring "all" receives every keyword argument (Oryx: **kwargs)', () => {
    class AllLayer extends SpyLayer {
      static override readonly callKwargs = 'all' as const;
    }
    const all = new nn.Template(AllLayer, []).init(ax.random.key(0), new ax.ShapeDtype([2], 'float32'));
    resetSpy();
    all.call(ax.ones([2]), { training: true, depth: 2 });
    expect(spied.call.length).toBeGreaterThan(0);
    for (const k of spied.call) expect(k).toEqual({ training: true, depth: 2 });
  });

  test('none given: the methods receive an empty object', () => {
    resetSpy();
    spy.call(ax.ones([2]));
    expect(spied.call.length).toBeGreaterThan(0);
    for (const k of [...spied.call, ...spied.update]) expect(k).toEqual({});
  });

  test('a keyword argument other than rng holding an array is an error naming the key', () => {
    expect(() => spy.call(ax.ones([2]), { mask: ax.ones([2]) })).toThrow(
      "SpyLayer: keyword argument 'mask' holds an array; keyword arguments other than rng are static",
    );
    expect(() => spy.call(ax.ones([2]), { nested: { m: ax.ones([1]) } })).toThrow(
      "keyword argument 'nested'",
    );
  });

  test('rng must be a key', () => {
    expect(() => spy.call(ax.ones([2]), { rng: ax.ones([2]) })).toThrow(
      'SpyLayer: rng must be a key (uint32[2], from ax.random.key), got float32[2]',
    );
    expect(() => spy.call(ax.ones([2]), { rng: 7 as unknown as ax.Array })).toThrow('rng must be a key');
    expect(() => spy.call(ax.ones([2]), { rng: ax.random.split(ax.random.key(0)) })).toThrow(
      'rng must be a key',
    );
  });

  test('a layer whose _call needs rng fails without it, and uses the one given', () => {
    const noise = Noise().init(ax.random.key(0), new ax.ShapeDtype([3], 'float32'));
    expect(() => noise.call(ax.zeros([3]))).toThrow('Noise: training needs an rng');
    const rng = ax.random.key(9);
    expect(values(noise.call(ax.zeros([3]), { rng }))).toEqual(values(ax.random.uniform(rng, [3])));
    expect(values(noise.call(ax.ones([3]), { rng, training: false }))).toEqual([1, 1, 1]);
  });
});

describe('gradients', () => {
  test('a layer’s state gets zero gradient, its params the hand-derived one', () => {
    const net = Affine(2)
      .compose(ScaleState())
      .init(ax.random.key(3), new ax.ShapeDtype([3], 'float32'));
    const x = ax.array([1, 2, -1]);
    // L = sum((x w + b) * scale): dL/db = scale, dL/dw = outer(x, scale); scale is state.
    const g = ax.grad((n: typeof net) => n.call(x).sum())(net);
    const [affine, scale] = net.params as [AffineLayer, InstanceType<typeof ScaleState.layer>];
    const [gAffine, gScale] = g.params as [AffineLayer, InstanceType<typeof ScaleState.layer>];
    expectClose(gAffine.params.b, scale.state.scale, EXACT, 'dL/db');
    expectClose(gAffine.params.w, ax.outer(x, scale.state.scale), EXACT, 'dL/dw');
    expect(values(gScale.state.scale)).toEqual([0, 0]);
    // Without the stop-gradient it would be x w + b, which is not zero here.
    expect(values(affine.call(x)).some((v) => v !== 0)).toBe(true);
  });

  test('the state gets zero gradient when the layer is taken alone, too', () => {
    const s = ScaleState().init(ax.random.key(0), new ax.ShapeDtype([2], 'float32'));
    const g = ax.grad((l: typeof s) => l.call(ax.array([3, 4])).sum())(s);
    expect(values(g.state.scale)).toEqual([0, 0]);
  });
});
