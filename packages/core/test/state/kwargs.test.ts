import { describe, expect, test } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { f32, values } from '../helpers.js';

const arr = (x: unknown): ax.Array => x as ax.Array;

// Oryx's function_test `training_add`: adds 1, unless a module's call says `training: false`.
const trainingAddP = ax.definePrimitive<Record<string, never>>({
  name: 'state_test_training_add',
  abstractEval: ([a]) => [a!],
  decompose: ([a]) => [ax.lax.add(a!, ax.onesLike(a!))],
  batch: ([a], [d]) => [[ax.lax.add(a!, ax.onesLike(a!))], [d!]],
});
const seen: ax.state.Kwargs[] = [];
ax.state.defineKwargsRule(trainingAddP, ([a], _params, kwargs) => {
  seen.push(kwargs);
  return kwargs.training === false ? [a!] : [ax.lax.add(a!, ax.onesLike(a!))];
});
const trainingAdd = (x: ax.Array): ax.Array => ax.bind(trainingAddP, [x], {})[0]!;

// Multiplies by `factor` (default 1); its kwarg rule binds it again with the call's factor.
const scaleP = ax.definePrimitive<{ factor: number }>({
  name: 'state_test_scale',
  abstractEval: ([a]) => [a!],
  decompose: ([a], { factor }) => [ax.lax.mul(a!, ax.fullLike(a!, factor))],
});
ax.state.defineKwargsRule(scaleP, ([a], { factor }, kwargs) =>
  ax.bind(scaleP, [a!], { factor: typeof kwargs.factor === 'number' ? kwargs.factor : factor }),
);
const scaleBy = (x: ax.Array): ax.Array => ax.bind(scaleP, [x], { factor: 1 })[0]!;

describe('kwarg rules (Oryx function_test test_should_pass_kwarg_into_primitive)', () => {
  const m = ax.state.init(trainingAdd)(ax.random.key(0), f32(1));

  test('a module call passes its keyword arguments to the primitive’s rule', () => {
    expect(values(arr(m.call(f32(1))))).toEqual([2]);
    expect(values(arr(m.call(f32(1), { training: true })))).toEqual([2]);
    expect(values(arr(m.call(f32(1), { training: false })))).toEqual([1]);
    expect(values(arr(ax.state.call(m, f32(1), { training: false })))).toEqual([1]);
  });

  test('the rule sees exactly the keyword arguments of the call', () => {
    seen.length = 0;
    m.call(f32(1), { training: false, mode: 'eval' });
    expect(seen).toEqual([{ training: false, mode: 'eval' }]);
  });

  test('outside a module the primitive runs as itself, without keyword arguments', () => {
    expect(values(trainingAdd(f32(1)))).toEqual([2]);
  });

  test('keyword arguments reach the rule through jit of the module call', () => {
    const evalCall = ax.jit((mod: ax.state.FunctionModule, x: ax.Array) =>
      arr(mod.call(x, { training: false })),
    );
    const trainCall = ax.jit((mod: ax.state.FunctionModule, x: ax.Array) =>
      arr(mod.call(x, { training: true })),
    );
    expect(values(evalCall(m, f32(5)))).toEqual([5]);
    expect(values(trainCall(m, f32(5)))).toEqual([6]);
  });

  test('keyword arguments reach the rule through vmap of the module call', () => {
    const xs = f32(1, 2, 3).reshape([3, 1]);
    const evalCall = ax.vmap(
      (mod: ax.state.FunctionModule, x: ax.Array) => arr(mod.call(x, { training: false })),
      {
        inAxes: [null, 0],
      },
    );
    expect(values(evalCall(m, xs))).toEqual([1, 2, 3]);
    const trainCall = ax.vmap((x: ax.Array) => arr(m.call(x)));
    expect(values(trainCall(xs))).toEqual([2, 3, 4]);
  });

  test('in a module run inside another stateful function, the rule runs with the inner call’s keywords', () => {
    // The inner program is evaluated (its rule applied) while the outer one is staged, as in Oryx.
    const outer = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array => {
      const inner = ax.state.init(trainingAdd, { name: 'inner' })(initKey, x);
      return arr(inner.run(x, { training: false })).add(arr(inner.run(x)).mul(10));
    };
    const o = ax.state.init(outer)(ax.random.key(0), f32(1));
    expect(values(arr(o.call(f32(1))))).toEqual([21]);
    expect(values(arr(o.call(f32(1), { training: false })))).toEqual([21]);
  });

  test('a rule that binds its primitive again keeps it in the outer program, so outer keywords reach it', () => {
    // How nn's layer_cau reaches nested layers: the rule rebinds with the keywords in its params.
    const outer = (x: ax.Array, { initKey }: ax.state.InitKwargs): ax.Array =>
      arr(ax.state.init(scaleBy, { name: 'inner' })(initKey, x).run(x));
    const o = ax.state.init(outer)(ax.random.key(0), f32(2));
    expect(o.program.ir.toString()).toContain('state_test_scale');
    expect(values(arr(o.call(f32(2))))).toEqual([2]);
    expect(values(arr(o.call(f32(2), { factor: 3 })))).toEqual([6]);
  });
});
