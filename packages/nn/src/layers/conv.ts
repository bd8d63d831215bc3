import { layerFactory } from '../base/factory.js';
import { ConvolutionLayer } from './convolution.js';

/**
 * A convolution (Oryx's `Conv`, stax's `Conv`): a cross-correlation of one example `[H, W, C]` with
 * an HWIO kernel `[kh, kw, C, outChannels]`, plus a bias. `vmap` runs a batch `[N, H, W, C]` (NHWC)
 * as one convolution. `'SAME'` padding gives `ceil(in / stride)` outputs per spatial axis, `'VALID'`
 * gives `floor((in - k') / stride) + 1` with `k' = (k - 1) * dilation + 1`. A list `kernelSize` of
 * another length convolves that many spatial axes (`[L, C]` for one, `[D, H, W, C]` for three).
 *
 * @example
 * ```ts
 * const layer = nn.Conv(8, [3, 3], { strides: 2, padding: 'SAME' }).init(ax.random.key(0), ax.zeros([28, 28, 1]));
 * layer.call(ax.zeros([28, 28, 1])).shape; // [14, 14, 8]
 * layer instanceof nn.Conv; // true
 * ```
 */
export class ConvLayer extends ConvolutionLayer {
  static readonly transpose = false;
}

/**
 * A {@link ConvLayer} template: `Conv(outChannels, kernelSize, { strides, padding, dilation,
 * kernelInit, biasInit, useBias })`.
 *
 * @example
 * ```ts
 * const conv = nn.Conv(32, 3, { padding: 'SAME' });
 * conv.spec(new ax.ShapeDtype([8, 8, 1], 'float32')); // f32[8,8,32]
 * const layer = conv.init(ax.random.key(0), new ax.ShapeDtype([8, 8, 1], 'float32'));
 * layer.params.kernel.shape; // [3, 3, 1, 32] (HWIO)
 * ax.vmap((x: ax.Array) => layer.call(x))(ax.ones([16, 8, 8, 1])).shape; // [16, 8, 8, 32]
 * ```
 */
export const Conv = layerFactory(ConvLayer);
