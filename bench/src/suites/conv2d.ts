import * as ax from '@addax/core';
import * as tf from '@tensorflow/tfjs-core';
import { ADDAX_BACKENDS, lanesOn, TFJS_BACKENDS, useAddaxBackend, useTfBackend } from '../backends.js';
import { seededOp } from '../seeded-op.js';
import type { Entry } from '../types.js';

/** An image batch and a square kernel: `[batch, size, size, inC]` convolved to `outC` channels. */
export interface ConvSize {
  readonly batch: number;
  readonly size: number;
  readonly inC: number;
  readonly outC: number;
  readonly kernel: number;
}

/**
 * A float32 2-d convolution, NHWC input and HWIO kernel, stride 1, SAME padding: Addax on each
 * backend against tfjs on each (baseline tfjs-backend-cpu). Flops count a multiply and an add per
 * kernel tap of every output.
 *
 * @example
 * ```ts
 * conv2dEntries(); // batch 32, 28x28x16 -> 32 channels, 3x3
 * ```
 */
export function conv2dEntries(
  sizes: readonly ConvSize[] = [{ batch: 32, size: 28, inC: 16, outC: 32, kernel: 3 }],
): Entry[] {
  return sizes.map(({ batch, size, inC, outC, kernel }) => {
    const shapes = [
      [batch, size, size, inC],
      [kernel, kernel, inC, outC],
    ];
    const conv = (x: ax.Array, w: ax.Array): ax.Array =>
      ax.convGeneralDilated(x, w, [1, 1], 'SAME', { dimensionNumbers: ['NHWC', 'HWIO', 'NHWC'] });
    return {
      suite: 'conv2d',
      name: `batch ${batch}, ${size}x${size}x${inC} -> ${outC}, ${kernel}x${kernel} SAME f32`,
      flops: 2 * batch * size * size * outC * inC * kernel * kernel,
      baseline: 'tfjs-cpu',
      lanes: [
        ...lanesOn(ADDAX_BACKENDS, useAddaxBackend, seededOp(shapes, ax.fromTyped, conv)),
        ...lanesOn(
          TFJS_BACKENDS,
          useTfBackend,
          seededOp(shapes, tf.tensor, (x, w) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'same')),
        ),
      ],
    };
  });
}
