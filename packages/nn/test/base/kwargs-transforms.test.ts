import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import * as nn from '@addax/nn';
import { expectClose } from '../close.js';
import { Affine, Noise } from './test-layers.js';

const TOL = { rtol: 1e-6, atol: 1e-6 };
const net = Affine(3).compose(Noise());
const key = ax.random.key(0);
const x = ax.array([0.5, -1, 2, 1]);
const xs = ax.random.normal(ax.random.key(1), [5, 4]);
/** The same layer as the module below holds: same template, same key. */
const layer = net.init(key, x);

/**
 * A stateful function that calls the template: init makes a FunctionModule of it. Init runs the
 * layers once, and Noise needs an rng to train, so the function gives it one; a call's own
 * keyword arguments replace it.
 */
const f = (v: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
  net.call(v, { initKey, name: 'net', rng: initKey });
const m = ax.state.init(f)(key, x);
const call = (mod: ax.state.FunctionModule, v: ax.Array, kwargs: nn.LayerKwargs): ax.Array =>
  mod.call(v, kwargs) as ax.Array;

describe('training and rng reach the layers', () => {
  test('through init: the module’s call passes them to its layers', () => {
    const rng = ax.random.key(5);
    expectClose(call(m, x, { training: false }), layer.call(x, { training: false }), TOL, 'training false');
    expectClose(call(m, x, { rng }), layer.call(x, { rng }), TOL, 'with rng');
    const noise = call(m, x, { rng }).sub(call(m, x, { training: false }));
    expect(noise.min().item()).toBeGreaterThan(0);
  });

  test('through jit of the module call and of the layer call', () => {
    const rng = ax.random.key(6);
    const jitted = ax.jit((mod: ax.state.FunctionModule, v: ax.Array, k: ax.Array) =>
      call(mod, v, { rng: k }),
    );
    expectClose(jitted(m, x, rng), layer.call(x, { rng }), TOL, 'jit(module call) with rng');
    const evalMode = ax.jit((mod: ax.state.FunctionModule, v: ax.Array) => call(mod, v, { training: false }));
    expectClose(evalMode(m, x), layer.call(x, { training: false }), TOL, 'jit(module call) training false');
    const layerJit = ax.jit((l: nn.Serial, v: ax.Array, k: ax.Array) => l.call(v, { rng: k }));
    expectClose(layerJit(layer, x, rng), layer.call(x, { rng }), TOL, 'jit(layer call)');
  });

  test('through vmap, with one rng for the batch or one per example', () => {
    const rows = [...xs];
    const shared = ax.random.key(7);
    const withShared = ax.vmap((v: ax.Array) => call(m, v, { rng: shared }))(xs);
    expectClose(withShared, ax.stack(rows.map((r) => layer.call(r, { rng: shared }))), TOL, 'shared rng');
    const keys = ax.random.split(ax.random.key(8), 5);
    const perExample = ax.vmap((v: ax.Array, k: ax.Array) => call(m, v, { rng: k }))(xs, keys);
    const each = ax.random.unstackKeys(keys);
    expectClose(
      perExample,
      ax.stack(rows.map((r, i) => layer.call(r, { rng: each[i]! }))),
      TOL,
      'rng per example',
    );
    const evalMode = ax.vmap((v: ax.Array) => layer.call(v, { training: false }))(xs);
    expectClose(
      evalMode,
      ax.stack(rows.map((r) => layer.call(r, { training: false }))),
      TOL,
      'training false',
    );
  });
});
