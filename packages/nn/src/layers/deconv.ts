import { layerFactory } from '../base/factory.js';
import { ConvolutionLayer } from './convolution.js';

/**
 * A transposed convolution (Oryx's `Deconv`, stax's `ConvTranspose`, `lax.conv_transpose` without
 * `transpose_kernel`): one example `[H, W, C]`, an HWIO kernel `[kh, kw, C, outChannels]`, plus a
 * bias; `vmap` runs a batch (NHWC) as one call. It is a stride-1 convolution over the input with
 * `stride - 1` holes between elements, so `'SAME'` padding gives `in * stride` outputs per spatial
 * axis and `'VALID'` gives `in * stride + max(k' - stride, 0)` with `k' = (k - 1) * dilation + 1`.
 *
 * @example
 * ```ts
 * const layer = nn.Deconv(1, 2, { strides: 2 }).init(ax.random.key(0), ax.zeros([14, 14, 8]));
 * layer.call(ax.zeros([14, 14, 8])).shape; // [28, 28, 1]: VALID, in * stride + max(2 - 2, 0)
 * ```
 */
export class DeconvLayer extends ConvolutionLayer {
  static readonly transpose = true;
}

/**
 * A {@link DeconvLayer} template: `Deconv(outChannels, kernelSize, { strides, padding, dilation,
 * kernelInit, biasInit, useBias })`.
 *
 * @example
 * ```ts
 * const up = nn.Deconv(16, 3, { strides: 2, padding: 'SAME' });
 * up.spec(new ax.ShapeDtype([7, 7, 32], 'float32')); // f32[14,14,16]
 * const layer = up.init(ax.random.key(0), new ax.ShapeDtype([7, 7, 32], 'float32'));
 * ax.vmap((x: ax.Array) => layer.call(x))(ax.ones([4, 7, 7, 32])).shape; // [4, 14, 14, 16]
 * ```
 */
export const Deconv = layerFactory(DeconvLayer);
