import * as ax from '@addax/core';
import { layerParams, type Empty, type LayerParams } from '../base/layer-params.js';
import { glorotNormal, normal, type Initializer } from '../initializers/index.js';
import { checkFloatInput } from './input.js';
import { checkExampleRank, layerName, PerExampleLayer } from './per-example.js';
import { checkPadding, perAxis, positiveInt, windowSizes, type Padding } from './window.js';

/** Options of `Conv` and `Deconv`. */
export interface ConvOptions {
  /** The stride per spatial axis, or one for all; default 1. */
  readonly strides?: number | readonly number[];
  /** Default `'VALID'`, as Oryx. */
  readonly padding?: Padding;
  /** Holes between kernel taps (an atrous convolution), per spatial axis or one for all; default 1. */
  readonly dilation?: number | readonly number[];
  /** Draws the kernel `[...kernelSize, inChannels, outChannels]`; default `glorotNormal()`, as Oryx. */
  readonly kernelInit?: Initializer;
  /** Draws the bias `[outChannels]`; default `normal(1e-6)`, as Oryx (`stax.randn(1e-6)`). */
  readonly biasInit?: Initializer;
  /** Whether the layer adds a bias; default true. */
  readonly useBias?: boolean;
}

/** The parameters of a convolution: an HWIO kernel, and the bias unless `useBias` was false. */
export interface ConvParams {
  readonly kernel: ax.Array;
  readonly bias?: ax.Array;
}

/** The static configuration of a convolution, per spatial axis. */
export interface ConvInfo {
  readonly strides: readonly number[];
  readonly padding: Padding;
  readonly dilation: readonly number[];
  readonly useBias: boolean;
  /** A transposed convolution (`Deconv`). */
  readonly transpose: boolean;
}

/** The kernel size of a convolution: one number for a square 2-D kernel, or one size per spatial axis. */
export type KernelSize = number | readonly number[];

/** conv's layouts for `n` spatial axes: input and output `[N, ...spatial, C]`, kernel `[...spatial, I, O]`. */
function channelsLast(n: number): { lhsSpec: number[]; rhsSpec: number[]; outSpec: number[] } {
  const spatial = globalThis.Array.from({ length: n }, (_, i) => i);
  const lhsSpec = [0, n + 1, ...spatial.map((i) => i + 1)];
  return { lhsSpec, rhsSpec: [n + 1, n, ...spatial], outSpec: lhsSpec };
}

/**
 * The padding of a transposed convolution along one axis, as `lax.conv_transpose` computes it for
 * an effective (dilated) kernel size `k` and stride `s`: `'SAME'` gives `in * s` outputs, `'VALID'`
 * gives `in * s + max(k - s, 0)`.
 */
function transposePadding(k: number, s: number, padding: Padding): [number, number] {
  const total = padding === 'SAME' ? k + s - 2 : k + s - 2 + Math.max(k - s, 0);
  const low = padding === 'SAME' && s <= k - 1 ? Math.ceil(total / 2) : k - 1;
  return [low, total - low];
}

/**
 * The convolution of a batch `x` `[N, ...spatial, C]`. A transposed one is, as `lax.conv_transpose`
 * without `transpose_kernel` (stax's and Oryx's `Deconv`), a stride-1 convolution of the input
 * dilated by the strides.
 */
function convolve(x: ax.Array, { kernel, bias }: ConvParams, info: ConvInfo): ax.Array {
  const n = kernel.ndim - 2;
  const ones = info.strides.map(() => 1);
  const dimensionNumbers = channelsLast(n);
  const y = info.transpose
    ? ax.convGeneralDilated(
        x,
        kernel,
        ones,
        kernel.shape
          .slice(0, n)
          .map((k, i) => transposePadding((k - 1) * info.dilation[i]! + 1, info.strides[i]!, info.padding)),
        { lhsDilation: info.strides, rhsDilation: info.dilation, dimensionNumbers },
      )
    : ax.convGeneralDilated(x, kernel, info.strides, info.padding, {
        rhsDilation: info.dilation,
        dimensionNumbers,
      });
  return bias === undefined ? y : ax.add(y, bias);
}

interface ConvSetup {
  readonly info: ConvInfo;
  readonly kernelShape: readonly number[];
  readonly outSpec: ax.ShapeDtype;
}

/** Checks a convolution's arguments for inputs like `inSpec`: its info, kernel shape and output spec. */
function setup(
  cls: ConvolutionClass,
  inSpec: ax.ShapeDtype,
  outChannels: number,
  kernelSize: KernelSize,
  options: ConvOptions,
): ConvSetup {
  const where = layerName(cls);
  positiveInt(where, 'outChannels', outChannels);
  const kernel = windowSizes(where, 'kernelSize', kernelSize);
  const n = kernel.length;
  const info: ConvInfo = {
    strides: perAxis(where, 'strides', options.strides, n),
    padding: checkPadding(where, options.padding ?? 'VALID'),
    dilation: perAxis(where, 'dilation', options.dilation, n),
    useBias: options.useBias ?? true,
    transpose: cls.transpose,
  };
  checkFloatInput(inSpec, where);
  checkExampleRank(where, inSpec, n + 1);
  const kernelShape = [...kernel, inSpec.shape[n]!, outChannels];
  const batchOut = ax.evalShape<ax.ShapeDtype>((x: ax.Array, k: ax.Array) =>
    convolve(x, { kernel: k }, info),
  )(new ax.ShapeDtype([1, ...inSpec.shape], inSpec.dtype), new ax.ShapeDtype(kernelShape, 'float32'));
  const outSpec = new ax.ShapeDtype(batchOut.shape.slice(1), batchOut.dtype);
  if (outSpec.shape.slice(0, n).includes(0)) {
    throw new ax.ShapeError(
      `${where}: the kernel [${kernel.join(', ')}] (dilation [${info.dilation.join(', ')}]) does not fit ` +
        `the input ${inSpec.describe()} with padding ${info.padding}: the output would be ${outSpec.describe()}`,
    );
  }
  return { info, kernelShape, outSpec };
}

/** What a convolution class tells the shared `initialize` and `spec`. */
interface ConvolutionClass {
  readonly name: string;
  /** Whether it is a transposed convolution. */
  readonly transpose: boolean;
}

/**
 * What `Conv` and `Deconv` share: an HWIO kernel (generally `[...spatial, in, out]`) over one
 * example `[...spatial, channels]`, an optional bias, and under `vmap` one convolution of the batch.
 *
 * @example
 * ```ts
 * const layer = nn.Conv(4, 3).init(ax.random.key(0), ax.zeros([5, 5, 2]));
 * layer instanceof nn.ConvolutionLayer; // true (so is a Deconv layer)
 * [layer.inChannels, layer.outChannels]; // [2, 4]
 * ```
 */
export abstract class ConvolutionLayer extends PerExampleLayer<ConvParams, Empty, ConvInfo> {
  /** The kernel and bias drawn from split keys, as Oryx. */
  static initialize(
    this: ConvolutionClass,
    initKey: ax.Array,
    inSpec: ax.ShapeDtype,
    outChannels: number,
    kernelSize: KernelSize,
    options: ConvOptions = {},
  ): LayerParams<ConvParams, Empty, ConvInfo> {
    const { info, kernelShape } = setup(this, inSpec, outChannels, kernelSize, options);
    const { kernelInit = glorotNormal(), biasInit = normal(1e-6) } = options;
    const [kernelKey, biasKey] = ax.random.unstackKeys(ax.random.split(initKey)) as [ax.Array, ax.Array];
    const kernel = kernelInit(kernelKey, kernelShape);
    return layerParams({
      params: info.useBias ? { kernel, bias: biasInit(biasKey, [outChannels]) } : { kernel },
      info,
    });
  }

  static spec(
    this: ConvolutionClass,
    inSpec: ax.ShapeDtype,
    outChannels: number,
    kernelSize: KernelSize,
    options: ConvOptions = {},
  ): ax.ShapeDtype {
    return setup(this, inSpec, outChannels, kernelSize, options).outSpec;
  }

  /** The number of channels the input must have. */
  get inChannels(): number {
    return this.params.kernel.shape[this.params.kernel.ndim - 2]!;
  }

  /** The number of channels of the output. */
  get outChannels(): number {
    return this.params.kernel.shape[this.params.kernel.ndim - 1]!;
  }

  protected override get exampleRank(): number {
    return this.params.kernel.ndim - 1;
  }

  protected override _callBatched(x: ax.Array): ax.Array {
    const channels = x.shape[x.ndim - 1]!;
    if (channels !== this.inChannels) {
      throw new ax.ShapeError(
        `${this.where}: the input ${x.aval.describe()} has ${channels} channels (its last axis), ` +
          `the kernel ${this.params.kernel.aval.describe()} expects ${this.inChannels}`,
      );
    }
    checkFloatInput(x.aval, this.where);
    return convolve(x, this.params, this.info);
  }

  override toString(): string {
    const kernel = this.params.kernel.shape.slice(0, -2);
    return `${this.where}(${this.outChannels}, [${kernel.join(', ')}])`;
  }
}
