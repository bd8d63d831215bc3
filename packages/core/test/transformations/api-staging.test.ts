import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';

const values = (x: ax.Array): number[] => Array.from(x.dataSync());

describe('makeIR, evalIR and evalShape', () => {
  it('prints a staged program with typed variables and parameters', () => {
    const ir = ax.makeIR((x: ax.Array, y: ax.Array) => ax.lax.reduceSum(ax.lax.mul(ax.lax.sin(x), y), [0]))(
      ax.ones([3]),
      ax.ones([3]),
    );
    expect(ir.toString()).toBe(
      [
        '{ lambda ; a:f32[3] b:f32[3]. let',
        '    c:f32[3] = sin a',
        '    d:f32[3] = mul c b',
        '    e:f32[] = reduceSum[axes=[0]] d',
        '  in (e) }',
      ].join('\n'),
    );
  });

  it('captures constants the function closes over', () => {
    const w = ax.array([1, 2, 3]);
    const ir = ax.makeIR((x: ax.Array) => ax.lax.mul(x, w))(ax.ones([3]));
    expect(ir.consts.length).toBe(1);
    expect(ir.consts[0]).toBe(w);
    expect(ir.toString()).toContain('{ lambda a:f32[3]; b:f32[3]. let');
  });

  it('runs a program with evalIR and checks its inputs', () => {
    const ir = ax.makeIR((x: ax.Array) => ax.lax.exp(x))(ax.zeros([2]));
    const [y] = ax.evalIR(ir, [ax.array([0, 1])]);
    expect(values(y!)[1]).toBeCloseTo(Math.E, 5);
    expect(() => ax.evalIR(ir, [ax.zeros([3])])).toThrow(
      /input 0 is float32\[3\], the program expects float32\[2\]/,
    );
  });

  it('infers output shapes from specs without running kernels', () => {
    const out = ax.evalShape((a: ax.Array, b: ax.Array) => ({ prod: ax.matmul(a, b), s: ax.sum(a) }))(
      new ax.ShapeDtype([4, 5], 'float32'),
      new ax.ShapeDtype([5, 2], 'float32'),
    ) as { prod: ax.ShapeDtype; s: ax.ShapeDtype };
    expect(out.prod.toString()).toBe('f32[4,2]');
    expect(out.s.toString()).toBe('f32[]');
  });
});

describe('errors under transformations', () => {
  it('says which transformation is tracing when a traced value is read', () => {
    expect(() => ax.jit((x: ax.Array) => (x.dataSync(), x))(ax.ones([2]))).toThrow(
      /dataSync\(\) was called on a traced value \(f32\[2\]\) while jit \(staging\) is tracing/,
    );
    expect(() => ax.grad((x: ax.Array) => (Number(x) > 0 ? x : x.mul(-1)))(ax.scalar(1))).toThrow(
      /Converting to a JS number or boolean was called on a traced value \(f32\[\]\) while jvp\/grad is tracing/,
    );
    expect(() => ax.vmap((x: ax.Array) => (Number(x) > 0 ? x : x))(ax.ones([2]))).toThrow(
      /while vmap is tracing/,
    );
  });

  it('explains a tracer that escaped its transformation', () => {
    let leaked: ax.Array | undefined;
    ax.vmap((x: ax.Array) => {
      leaked = x;
      return x;
    })(ax.ones([2]));
    expect(() => ax.lax.sin(leaked!)).toThrow(/escaped the transformation that made it/);
  });
});
