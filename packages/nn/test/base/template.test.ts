import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { expectClose, values } from '../close.js';
import {
  Affine,
  AffineLayer,
  KeyTap,
  KeyTapLayer,
  ScaleState,
  Spy,
  spied,
  resetSpy,
  Squash,
  SquashLayer,
} from './test-layers.js';

const spec3 = new ax.ShapeDtype([3], 'float32');
const EXACT = { rtol: 0, atol: 0 };

/** Row `i` of a [n, 2] array of keys, read from its values (not through the library's own unstacking). */
function keyRow(keys: ax.Array, i: number): number[] {
  return values(keys).slice(2 * i, 2 * i + 2);
}

describe('Template.call inside a stateful function', () => {
  const x = ax.array([1, 2, 3]);

  test('named: the layer is one variable of that name, initialised with the key given', () => {
    const f = (v: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
      Affine(2).call(v, { initKey, name: 'fc' });
    const key = ax.random.key(4);
    const m = ax.state.init(f)(key, x);
    expect(Object.keys(m.variables())).toEqual(['fc']);
    const fc = m.variables().fc as AffineLayer;
    expect(fc).toBeInstanceOf(AffineLayer);
    expect(fc.name).toBe('fc');
    expect(values(fc.params.w)).toEqual(values(Affine(2).init(key, spec3).params.w));
    expectClose(m.call(x) as ax.Array, fc.call(x), EXACT, 'module call');
  });

  test('unnamed: the layer’s params and state are the variables', () => {
    const f = (v: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array => Affine(2).call(v, { initKey });
    const m = ax.state.init(f)(ax.random.key(4), x);
    expect(Object.keys(m.variables()).sort()).toEqual(['params', 'state']);
    const { w, b } = m.variables().params as { w: ax.Array; b: ax.Array };
    expectClose(m.call(x) as ax.Array, ax.matmul(x, w).add(b), EXACT, 'module call');
  });

  test('a layer’s state updates become the module’s, named or not', () => {
    for (const name of ['s', undefined]) {
      const f = (v: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
        ScaleState().call(v, { initKey, name });
      const m = ax.state.init(f)(ax.random.key(0), x);
      expect(values(m.call(x) as ax.Array)).toEqual([2, 4, 6]);
      const next = m.update(ax.array([5, 6, 7]));
      const state = (
        name === undefined ? next.variables().state : (next.variables().s as nn.Layer).state
      ) as {
        scale: ax.Array;
      };
      expect(values(state.scale)).toEqual([5, 6, 7]);
      expect(values(next.call(x) as ax.Array)).toEqual([5, 12, 21]);
    }
  });

  test('a template called without an init key says one is needed', () => {
    expect(() => Affine(2).call(x)).toThrow('cannot initialise a template without an init key');
  });

  test('a combinator’s children are its own: only the Serial is declared', () => {
    const net = Affine(4).compose(Squash()).compose(Affine(2));
    const named = ax.state.init((v: ax.Array, { initKey }: ax.state.InitKwargs) =>
      net.call(v, { initKey, name: 'net' }),
    )(ax.random.key(0), x);
    expect(Object.keys(named.variables())).toEqual(['net']);
    const unnamed = ax.state.init((v: ax.Array, { initKey }: ax.state.InitKwargs) =>
      net.call(v, { initKey }),
    )(ax.random.key(0), x);
    expect(Object.keys(unnamed.variables()).sort()).toEqual(['params', 'state']);
    expect((unnamed.variables().params as nn.Layer[]).map((l) => l.constructor)).toEqual([
      AffineLayer,
      SquashLayer,
      AffineLayer,
    ]);
  });
});

describe('compose (Oryx’s >>) and Serial', () => {
  test('chains flatten into one Serial, however they are grouped', () => {
    const [a, b, c, d] = [Affine(4), Squash(), Affine(2), Squash()];
    const children = (t: nn.Template<nn.Serial, [readonly nn.AnyTemplate[]]>): unknown[] => [
      ...t.initArgs[0],
    ];
    for (const t of [a.compose(b).compose(c), a.compose(b.compose(c)), nn.Serial.of(a, b, c)]) {
      expect(t.cls).toBe(nn.Serial);
      expect(children(t)).toEqual([a, b, c]);
    }
    expect(children(nn.Serial.of(a, b).compose(nn.Serial.of(c, d)))).toEqual([a, b, c, d]);
  });

  test('spec goes through the chain', () => {
    const net = Affine(4).compose(Squash()).compose(Affine(2));
    expect(net.spec(spec3)).toEqual(new ax.ShapeDtype([2], 'float32'));
    expect(ax.state.spec(net)(ax.ones([3]))).toEqual(new ax.ShapeDtype([2], 'float32'));
  });

  test('init gives child i the key row i of split(key, n), on the previous child’s output spec', () => {
    const key = ax.random.key(8);
    const serial = Affine(4).compose(Squash()).compose(Affine(2)).init(key, spec3);
    expect(serial).toBeInstanceOf(nn.Serial);
    const [first, , last] = serial.params as [AffineLayer, SquashLayer, AffineLayer];
    expect(first.params.w.shape).toEqual([3, 4]);
    expect(last.params.w.shape).toEqual([4, 2]);
    const keys = ax.random.split(key, 3);
    const row = (i: number): ax.Array => ax.array(keyRow(keys, i), 'uint32');
    expect(values(first.params.w)).toEqual(values(ax.random.normal(row(0), [3, 4])));
    expect(values(last.params.w)).toEqual(values(ax.random.normal(row(2), [4, 2])));
  });

  test('a call threads each child’s output into the next', () => {
    const serial = Affine(4).compose(Squash()).compose(Affine(2)).init(ax.random.key(1), spec3);
    const x = ax.array([0.5, -1, 2]);
    const expected = serial.params.reduce((y: ax.Array, layer) => layer.call(y), x);
    expectClose(serial.call(x), expected, EXACT, 'serial call');
    expectClose(
      serial.call(x),
      ax
        .matmul(ax.tanh(serial.params[0]!.call(x)), (serial.params[2] as AffineLayer).params.w)
        .add((serial.params[2] as AffineLayer).params.b),
      { rtol: 1e-6, atol: 1e-6 },
      'by hand',
    );
  });

  test('rng is split once per child: child i gets the second key of the i-th split of the carried key', () => {
    const serial = KeyTap().compose(KeyTap()).compose(KeyTap()).init(ax.random.key(0), spec3);
    const rng = ax.random.key(42);
    const updated = serial.update(ax.ones([3]), { rng });
    // Oryx: `rng, subrng = random.split(rng)` before each child.
    let carried = rng;
    (updated.params as KeyTapLayer[]).forEach((child, i) => {
      const pair = ax.random.split(carried);
      expect(values(child.state.key), `child ${i}`).toEqual(keyRow(pair, 1));
      carried = ax.array(keyRow(pair, 0), 'uint32');
    });
    const keysSeen = (updated.params as KeyTapLayer[]).map((c) => values(c.state.key).join());
    expect(new Set(keysSeen).size).toBe(3);
  });

  test('without rng no child gets one', () => {
    const serial = KeyTap().compose(KeyTap()).init(ax.random.key(0), spec3);
    expect(() => serial.update(ax.ones([3]))).toThrow('KeyTap: needs an rng');
  });

  test('every other keyword argument reaches every child', () => {
    const serial = Spy().compose(Spy()).init(ax.random.key(0), spec3);
    resetSpy();
    serial.call(ax.ones([3]), { training: false });
    expect(spied.call.length).toBeGreaterThanOrEqual(2);
    for (const k of spied.call) expect(k).toEqual({ training: false });
  });

  test('update returns the Serial with each child updated', () => {
    const serial = Affine(3).compose(ScaleState()).init(ax.random.key(0), spec3);
    const x = ax.array([1, 0, -1]);
    const next = serial.update(x);
    expect(next).toBeInstanceOf(nn.Serial);
    const scale = (next.params[1] as InstanceType<typeof ScaleState.layer>).state.scale;
    expectClose(scale, serial.params[0]!.call(x), EXACT, 'child state is its input');
    expectClose(
      (next.params[0] as AffineLayer).params.w,
      (serial.params[0] as AffineLayer).params.w,
      EXACT,
      'w kept',
    );
  });

  test('an empty Serial is an error', () => {
    expect(() => nn.Serial.of()).toThrow('Serial: needs at least one template');
  });
});
