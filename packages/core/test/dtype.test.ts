import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';

const strong = (dtype: ax.DType): ax.PromotionOperand => ({ dtype, weak: false });
const weak = (dtype: ax.DType): ax.PromotionOperand => ({ dtype, weak: true });

describe('dtype promotion (JAX lattice without x64)', () => {
  it('promotes strong dtypes to the wider kind, and uint32 with int32 to int32', () => {
    expect(ax.resultType(strong('bool'), strong('int32'))).toBe('int32');
    expect(ax.resultType(strong('int32'), strong('float32'))).toBe('float32');
    expect(ax.resultType(strong('uint32'), strong('int32'))).toBe('int32');
    expect(ax.resultType(strong('uint32'), strong('bool'))).toBe('uint32');
    expect(ax.resultType(strong('float32'), strong('float32'))).toBe('float32');
  });

  it('lets weak JS scalars defer to arrays of their kind or wider', () => {
    expect(ax.resultType(strong('int32'), weak('int32'))).toBe('int32');
    expect(ax.resultType(strong('uint32'), weak('int32'))).toBe('uint32');
    expect(ax.resultType(strong('int32'), weak('float32'))).toBe('float32');
    expect(ax.resultType(strong('bool'), weak('int32'))).toBe('int32');
    expect(ax.resultType(strong('bool'), weak('bool'))).toBe('bool');
    expect(ax.resultType(strong('float32'), weak('int32'))).toBe('float32');
  });

  it('gives float32 for numbers alone and bool for booleans alone', () => {
    expect(ax.resultType(weak('int32'), weak('float32'))).toBe('float32');
    expect(ax.resultType(weak('int32'))).toBe('float32');
    expect(ax.resultType(weak('bool'), weak('bool'))).toBe('bool');
  });
});

describe('flushSubnormals', () => {
  it('flushes float32 subnormals to zero of their sign and keeps normals, zeros and other dtypes', () => {
    const smallestNormal = 2 ** -126;
    const flushed = ax.flushSubnormals(
      new Float32Array([2 ** -149, -(2 ** -130), smallestNormal, -smallestNormal, -0, 1, Infinity, NaN]),
      'float32',
    );
    expect(Array.from(flushed)).toEqual([0, -0, smallestNormal, -smallestNormal, -0, 1, Infinity, NaN]);
    expect(Object.is(flushed[1], -0)).toBe(true);
    const ints = new Int32Array([1, -1]);
    expect(ax.flushSubnormals(ints, 'int32')).toBe(ints);
  });
});
