import * as ax from '@addax/core';
import { BaseLayer } from '../base-layer.js';
import { WeightHParams } from '../weight-hparams.js';
import { WeightInit } from '../weight-init.js';

/** The hyperparameters of {@link Conv2D}. */
export interface Conv2DHParams {
  /** `[height, width, inChannels, outChannels]` (HWIO). */
  readonly filterShape: readonly [number, number, number, number];
  /** The stride along height and width; default `[1, 1]`. */
  readonly filterStride: readonly [number, number];
  /** Kernel dilation along height and width (atrous convolution); default `[1, 1]`. */
  readonly dilations: readonly [number, number];
  /** Whether to add a learned bias `b` of `[outChannels]`; default false. */
  readonly bias: boolean;
  /** How `b` is drawn; default zeros. */
  readonly biasInit: WeightInit;
  /** `'SAME'` or `'VALID'`; default `'SAME'`. */
  readonly padding: 'SAME' | 'VALID';
  /**
   * `'SAME'` as TensorFlow/XLA pads (dilation and stride aware, `out = ceil(in / stride)`) instead
   * of Praxis's default; default false.
   */
  readonly tfEquivalentPadding: boolean;
}

function checkPair(where: string, name: string, value: unknown): void {
  if (
    !globalThis.Array.isArray(value) ||
    value.length !== 2 ||
    !value.every((v) => Number.isInteger(v) && (v as number) > 0)
  ) {
    throw new ax.ParameterError(
      `${where}: ${name} must be two positive integers, got ${JSON.stringify(value)}`,
    );
  }
}

/**
 * A 2-D convolution of NHWC images (Praxis's `Conv2D`): `w` of `filterShape` (HWIO), optionally a
 * bias `b`, through `convGeneralDilated` with layouts NHWC / HWIO / NHWC.
 *
 * Padding follows Praxis: `'SAME'` pads `filterShape - 1` per spatial axis, the smaller half
 * before, whatever the stride and dilation (so with a dilation above 1 the output is smaller than
 * the input); `tfEquivalentPadding` pads as TensorFlow instead. `'VALID'` pads nothing. As in
 * Praxis, inputs with a multiple of `inChannels` channels are a grouped convolution
 * (`featureGroupCount = channels / inChannels`, which must divide `outChannels`).
 *
 * @example
 * ```ts
 * const conv = nn.pax.Conv2D.config({ filterShape: [3, 3, 1, 8], filterStride: [2, 2] }).instantiate();
 * const vars = conv.init(ax.random.key(0), ax.zeros([4, 28, 28, 1]));
 * conv.apply(vars, ax.zeros([4, 28, 28, 1])); // f32[4, 14, 14, 8]
 * ```
 */
export class Conv2D extends BaseLayer<Conv2DHParams, 'w' | 'b'> {
  static override readonly defaults = {
    filterStride: [1, 1],
    dilations: [1, 1],
    bias: false,
    biasInit: WeightInit.Constant(0),
    padding: 'SAME',
    tfEquivalentPadding: false,
  } satisfies Partial<Conv2DHParams>;

  protected override setup(): void {
    const where = `Conv2D '${this.name}'`;
    const { filterShape, padding } = this.hp;
    if (
      !globalThis.Array.isArray(filterShape) ||
      filterShape.length !== 4 ||
      !filterShape.every((d) => Number.isInteger(d) && d > 0)
    ) {
      throw new ax.ParameterError(
        `${where}: filterShape must be four positive integers [height, width, in, out], got ${JSON.stringify(filterShape)}`,
      );
    }
    checkPair(where, 'filterStride', this.hp.filterStride);
    checkPair(where, 'dilations', this.hp.dilations);
    if (padding !== 'SAME' && padding !== 'VALID') {
      throw new ax.ParameterError(`${where}: padding must be 'SAME' or 'VALID', got ${String(padding)}`);
    }
    this.createVariable('w', new WeightHParams({ shape: filterShape }));
    if (this.hp.bias)
      this.createVariable('b', new WeightHParams({ shape: [filterShape[3]], init: this.hp.biasInit }));
  }

  /** `inputs` `[batch, height, width, channels]` to `[batch, height', width', outChannels]`. */
  call(inputs: ax.Array): ax.Array {
    const where = `Conv2D '${this.name}'`;
    const [h, w, cin, cout] = this.hp.filterShape;
    if (!(inputs instanceof ax.Array) || inputs.ndim !== 4) {
      throw new ax.ShapeError(
        `${where}: inputs must be NHWC [batch, height, width, channels], got ${inputs instanceof ax.Array ? inputs.aval.describe() : String(inputs)}`,
      );
    }
    const channels = inputs.shape[3]!;
    const groups = channels / cin;
    if (!Number.isInteger(groups) || cout % groups !== 0) {
      throw new ax.ShapeError(
        `${where}: inputs ${inputs.aval.describe()} have ${channels} channels, but filterShape ` +
          `[${this.hp.filterShape.join(', ')}] takes ${cin} (or, grouped, a multiple of ${cin} whose ` +
          `quotient divides the ${cout} output channels)`,
      );
    }
    const pad = (k: number): [number, number] => [Math.floor((k - 1) / 2), k - 1 - Math.floor((k - 1) / 2)];
    const padding =
      this.hp.padding === 'VALID' || this.hp.tfEquivalentPadding ? this.hp.padding : [pad(h), pad(w)];
    let out = ax.convGeneralDilated(inputs, this.theta.w, this.hp.filterStride, padding, {
      rhsDilation: this.hp.dilations,
      dimensionNumbers: ['NHWC', 'HWIO', 'NHWC'],
      featureGroupCount: groups,
    });
    if (this.hp.bias) out = out.add(this.theta.b);
    return out;
  }
}
