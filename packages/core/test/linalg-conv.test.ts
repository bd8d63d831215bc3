import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';

/** `[[1, 2, 3], [4, 5, 6], [7, 8, 9]]` as NCHW `[1, 1, 3, 3]`. */
const image = (): ax.Array => ax.reshape(ax.arange(1, 10, 1, 'float32'), [1, 1, 3, 3]);
/** `[[1, 2], [3, 4]]` as OIHW `[1, 1, 2, 2]`. */
const kernel = (): ax.Array => ax.reshape(ax.arange(1, 5, 1, 'float32'), [1, 1, 2, 2]);

describe('convGeneralDilated and conv', () => {
  it('pads SAME so that out = ceil(in / stride), VALID not at all', () => {
    const x = ax.ones([1, 1, 5, 5]);
    const w = ax.ones([1, 1, 3, 3]);
    expect(ax.convGeneralDilated(x, w, [1, 1], 'SAME').shape).toEqual([1, 1, 5, 5]);
    expect(ax.convGeneralDilated(x, w, [1, 1], 'VALID').shape).toEqual([1, 1, 3, 3]);
    expect(ax.convGeneralDilated(x, w, [2, 2], 'SAME').shape).toEqual([1, 1, 3, 3]);
    expect(ax.convGeneralDilated(x, w, [2, 2], 'VALID').shape).toEqual([1, 1, 2, 2]);
    // SAME, stride 2 on 5: total padding (3 - 1) * 2 + 3 - 5 = 2, one each side; corners see 4 ones
    expect(ax.convGeneralDilated(x, w, [2, 2], 'SAME').arraySync()).toEqual([
      [
        [
          [4, 6, 4],
          [6, 9, 6],
          [4, 6, 4],
        ],
      ],
    ]);
  });

  it('puts the odd SAME pad after (a 2x2 kernel on 3x3 pads one row and column at the end)', () => {
    expect(ax.conv(image(), kernel(), [1, 1], 'SAME').arraySync()).toEqual([
      [
        [
          [37, 47, 21],
          [67, 77, 33],
          [23, 26, 9],
        ],
      ],
    ]);
    expect(ax.conv(image(), kernel(), [1, 1], 'VALID').arraySync()).toEqual([
      [
        [
          [37, 47],
          [67, 77],
        ],
      ],
    ]);
    expect(
      ax
        .conv(
          image(),
          kernel(),
          [2, 2],
          [
            [1, 1],
            [1, 1],
          ],
        )
        .arraySync(),
    ).toEqual([
      [
        [
          [4, 18],
          [36, 77],
        ],
      ],
    ]);
  });

  it('sizes SAME padding by the dilated kernel', () => {
    // effective kernel (3 - 1) * 2 + 1 = 5 on 5: 2 zeros each side, output stays 5
    const out = ax.convGeneralDilated(ax.ones([1, 1, 5]), ax.ones([1, 1, 3]), [1], 'SAME', {
      rhsDilation: [2],
    });
    expect(out.arraySync()).toEqual([[[2, 2, 3, 2, 2]]]);
  });

  it('reads layout strings as JAX does', () => {
    const nhwc = ax.transpose(image(), [0, 2, 3, 1]);
    const hwio = ax.transpose(kernel(), [2, 3, 1, 0]);
    const out = ax.convGeneralDilated(nhwc, hwio, [1, 1], 'VALID', {
      dimensionNumbers: ['NHWC', 'HWIO', 'NHWC'],
    });
    expect(out.shape).toEqual([1, 2, 2, 1]);
    expect(out.arraySync()).toEqual([
      [
        [[37], [47]],
        [[67], [77]],
      ],
    ]);
    // Spatial axes follow the kernel layout: with 'OIWH', strides are [W, H].
    const x = ax.ones([1, 1, 5, 7]);
    const w = ax.ones([1, 1, 2, 3]); // W = 2, H = 3
    expect(
      ax.convGeneralDilated(x, w, [1, 1], 'VALID', { dimensionNumbers: ['NCHW', 'OIWH', 'NCHW'] }).shape,
    ).toEqual([1, 1, 3, 6]);
    expect(
      ax.convGeneralDilated(x, w, [2, 1], 'VALID', { dimensionNumbers: ['NCHW', 'OIWH', 'NCHW'] }).shape,
    ).toEqual([1, 1, 3, 3]);
    const nwc = ax.convGeneralDilated(ax.array([[[1], [2], [3]]]), ax.array([[[1]], [[1]]]), [1], 'VALID', {
      dimensionNumbers: ['NWC', 'WIO', 'NWC'],
    });
    expect(nwc.arraySync()).toEqual([[[3], [5]]]);
  });

  it('groups features and promotes dtypes', () => {
    const x = ax.array([
      [
        [1, 2],
        [3, 4],
        [5, 6],
        [7, 8],
      ],
    ]);
    const depthwise = ax.convGeneralDilated(x, ax.array([[[1]], [[2]], [[3]], [[4]]]), [1], 'VALID', {
      featureGroupCount: 4,
    });
    expect(depthwise.arraySync()).toEqual([
      [
        [1, 2],
        [6, 8],
        [15, 18],
        [28, 32],
      ],
    ]);
    const mixed = ax.conv(ax.array([[[1, 2]]], 'int32'), ax.array([[[0.5]]]), [1], 'VALID');
    expect(mixed.dtype).toBe('float32');
    expect(mixed.arraySync()).toEqual([[[0.5, 1]]]);
  });

  it('rejects malformed layouts, padding and string padding with lhs dilation', () => {
    const x = ax.ones([1, 1, 4, 4]);
    const w = ax.ones([1, 1, 2, 2]);
    expect(() =>
      ax.convGeneralDilated(x, w, [1, 1], 'VALID', { dimensionNumbers: ['NHWW', 'OIHW', 'NCHW'] }),
    ).toThrow(
      /convGeneralDilated: the input layout 'NHWW' must name each of the 4 axes once, with one 'N' and one 'C'/,
    );
    expect(() =>
      ax.convGeneralDilated(x, w, [1, 1], 'VALID', { dimensionNumbers: ['NCHW', 'OIHX', 'NCHW'] }),
    ).toThrow(/convGeneralDilated: layouts 'NCHW', 'OIHX', 'NCHW' must name the same spatial axes/);
    expect(() => ax.convGeneralDilated(x, w, [1, 1], 'SAME', { lhsDilation: [2, 2] })).toThrow(
      /convGeneralDilated: padding 'SAME' is not defined with lhsDilation \[2, 2\]; give explicit \[low, high\] pairs/,
    );
    expect(() => ax.convGeneralDilated(x, w, [1, 1], [[0, 0]])).toThrow(
      /convGeneralDilated: padding must be 'SAME', 'VALID' or 2 integer \[low, high\] pairs/,
    );
    expect(() => ax.conv(x, ax.ones([1, 2, 2, 2]), [1, 1], 'VALID')).toThrow(
      /conv: lhs float32\[1, 1, 4, 4\] and rhs float32\[1, 2, 2, 2\]/,
    );
  });
});

describe('pooling', () => {
  /** `[[1..4], [5..8], [9..12], [13..16]]` as `[1, 4, 4, 1]`. */
  const grid = (): ax.Array => ax.reshape(ax.arange(1, 17, 1, 'float32'), [1, 4, 4, 1]);
  const row = (...v: number[]): ax.Array => ax.reshape(ax.array(v), [1, v.length, 1]);

  it('maxPool and sumPool take windows of the axes before the last', () => {
    expect(ax.reshape(ax.maxPool(grid(), [2, 2], [2, 2]), [2, 2]).arraySync()).toEqual([
      [6, 8],
      [14, 16],
    ]);
    expect(ax.reshape(ax.sumPool(grid(), [2, 2], [2, 2]), [2, 2]).arraySync()).toEqual([
      [14, 22],
      [46, 54],
    ]);
    expect(ax.maxPool(grid(), [2, 2]).shape).toEqual([1, 3, 3, 1]);
    expect(ax.maxPool(ax.ones([2, 3, 6, 5, 4]), [3], [3]).shape).toEqual([2, 3, 6, 1, 4]);
    // no batch axis: [spatial, features]
    expect(ax.sumPool(ax.array([[1], [2], [3], [4]]), [2], [2]).arraySync()).toEqual([[3], [7]]);
  });

  it('maxPool pads SAME with -Infinity, so padding never wins', () => {
    expect(ax.maxPool(row(-1, -2, -3), [2], [1], 'SAME').arraySync()).toEqual([[[-1], [-2], [-3]]]);
    expect(ax.maxPool(row(1, 2, 3, 4, 5), [3], [2], 'SAME').arraySync()).toEqual([[[2], [4], [5]]]);
  });

  it('avgPool counts padding by default (as flax) and can exclude it', () => {
    expect(ax.avgPool(row(1, 2, 3), [2], [1], 'SAME').arraySync()).toEqual([[[1.5], [2.5], [1.5]]]);
    expect(ax.avgPool(row(1, 2, 3), [2], [1], 'SAME', false).arraySync()).toEqual([[[1.5], [2.5], [3]]]);
    const ints = ax.avgPool(ax.reshape(ax.array([1, 2], 'int32'), [1, 2, 1]), [2]);
    expect(ints.dtype).toBe('float32');
    expect(ints.arraySync()).toEqual([[[1.5]]]);
    expect(ax.avgPool(ax.zeros([0, 4, 2]), [2], [2]).shape).toEqual([0, 2, 2]);
  });

  it('rejects bad windows, strides, ranks and bool', () => {
    expect(() => ax.maxPool(grid(), [0, 2])).toThrow(
      /maxPool: windowShape \[0, 2\] must hold positive integers/,
    );
    expect(() => ax.maxPool(grid(), [2, 2], [2])).toThrow(
      /maxPool: strides \[2\] must be 2 positive integers/,
    );
    expect(() => ax.avgPool(ax.ones([4]), [2])).toThrow(
      /avgPool: input float32\[4\] needs at least 2 axes \(\[...batch, ...spatial, features\]\) for a 1-d window/,
    );
    expect(() => ax.sumPool(ax.ones([1, 4, 1], 'bool'), [2])).toThrow(
      /sumPool: input bool\[1, 4, 1\] is bool/,
    );
    expect(() => ax.maxPool(grid(), [2, 2], [1, 1], 'FULL' as ax.WindowPadding)).toThrow(
      /maxPool: padding must be 'SAME', 'VALID'/,
    );
  });
});
