import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';

const liveBuffers = () => ax.memory().cpu?.buffers ?? 0;

describe('memory and tidy', () => {
  it('counts buffers and bytes per backend as arrays are made and disposed', () => {
    const before = ax.memory().cpu ?? { buffers: 0, bytes: 0 };
    const x = ax.array(new Float32Array(10));
    const y = ax.array(new Int32Array(3));
    expect(ax.memory().cpu).toEqual({ buffers: before.buffers + 2, bytes: before.bytes + 40 + 12 });
    x.dispose();
    y.dispose();
    expect(ax.memory().cpu).toEqual(before);
  });

  it('frees what a tidy scope made and keeps what it returns, nested in objects and lists', () => {
    const before = liveBuffers();
    const out = ax.tidy(() => {
      const a = ax.ones([3]);
      const b = ax.lax.add(a, a);
      return { sum: ax.lax.add(b, a), parts: [b] };
    });
    expect(liveBuffers()).toBe(before + 2);
    expect(out.sum.arraySync()).toEqual([3, 3, 3]);
    out.sum.dispose();
    out.parts[0]!.dispose();
    expect(liveBuffers()).toBe(before);
  });

  it('hands kept arrays to the enclosing scope, which frees them unless it returns them too', () => {
    const before = liveBuffers();
    const outer = ax.tidy(() => {
      const inner = ax.tidy(() => ax.ones([2]));
      expect(inner.isDisposed).toBe(false);
      ax.tidy(() => ax.lax.add(inner, inner));
      return ax.lax.add(inner, inner);
    });
    expect(liveBuffers()).toBe(before + 1);
    outer.dispose();
  });

  it('spares arrays passed to keep()', () => {
    const before = liveBuffers();
    const kept = ax.tidy(() => {
      ax.keep(ax.zeros([4]));
      ax.zeros([4]);
      return [] as ax.Array[];
    });
    expect(kept).toEqual([]);
    expect(liveBuffers()).toBe(before + 1);
  });

  it('frees a scope whose function throws, and rethrows', () => {
    const before = liveBuffers();
    expect(() =>
      ax.tidy(() => {
        ax.ones([5]);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(liveBuffers()).toBe(before);
  });

  it('rejects async functions, whose work would outlive the scope', () => {
    expect(() => ax.tidy(() => Promise.resolve(1))).toThrow(/fn returned a Promise/);
  });

  it('does not consume operands: inputs stay readable after an operation', () => {
    const x = ax.array([1, 2]);
    const y = ax.lax.add(x, x);
    expect(x.arraySync()).toEqual([1, 2]);
    expect(y.arraySync()).toEqual([2, 4]);
  });

  it('raises a clear error when a disposed array is used, and disposing twice is harmless', () => {
    const x = ax.array([1, 2]);
    x.dispose();
    x.dispose();
    expect(x.isDisposed).toBe(true);
    expect(() => ax.lax.add(x, x)).toThrow(/an array float32\[2\] was used after dispose\(\)/);
    expect(String(x)).toBe('Array(<disposed>, shape=[2], dtype=float32)');
  });
});
