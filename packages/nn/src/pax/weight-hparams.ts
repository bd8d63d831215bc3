import * as ax from '@addax/core';
import type { WeightCollection } from './collections.js';
import type { WeightInit } from './weight-init.js';

/** The fields of a {@link WeightHParams}; all but `shape` optional. */
export interface WeightHParamsFields {
  readonly shape: readonly number[];
  /** How it is drawn; default the layer's `paramsInit`. */
  readonly init?: WeightInit;
  /** Default the layer's `dtype`. */
  readonly dtype?: ax.DType;
  /** Annotations from {@link WeightHParamsCollection}. */
  readonly collections?: readonly WeightCollection[];
  /** The axes whose sizes multiply into fan-in; default Praxis's rule (see `fanInFanOut`). */
  readonly fanInAxes?: readonly number[];
  /** The axes whose sizes multiply into fan-out. */
  readonly fanOutAxes?: readonly number[];
}

function checkAxes(shape: readonly number[], axes: readonly number[] | undefined, name: string): void {
  for (const a of axes ?? []) {
    if (!Number.isInteger(a) || a < -shape.length || a >= shape.length) {
      throw new ax.ParameterError(
        `WeightHParams: ${name} ${a} is out of range for shape [${shape.join(', ')}]`,
      );
    }
  }
}

/**
 * A variable's declaration (Praxis's `WeightHParams`): its shape and, filled in from the layer
 * where left out, how it is drawn, its dtype and its collections.
 *
 * @example
 * ```ts
 * new nn.WeightHParams({ shape: [64, 10], init: nn.WeightInit.Gaussian(0.01) });
 * ```
 */
export class WeightHParams {
  readonly shape: readonly number[];
  readonly init: WeightInit | undefined;
  readonly dtype: ax.DType | undefined;
  readonly collections: readonly WeightCollection[];
  readonly fanInAxes: readonly number[] | undefined;
  readonly fanOutAxes: readonly number[] | undefined;

  constructor(fields: WeightHParamsFields) {
    if (!globalThis.Array.isArray(fields.shape) || fields.shape.some((d) => !Number.isInteger(d) || d < 1)) {
      throw new ax.ShapeError(
        `WeightHParams: shape must be a list of positive integers, got ${JSON.stringify(fields.shape)}`,
      );
    }
    checkAxes(fields.shape, fields.fanInAxes, 'fanInAxes');
    checkAxes(fields.shape, fields.fanOutAxes, 'fanOutAxes');
    this.shape = [...fields.shape];
    this.init = fields.init;
    this.dtype = fields.dtype;
    this.collections = [...(fields.collections ?? [])];
    this.fanInAxes = fields.fanInAxes && [...fields.fanInAxes];
    this.fanOutAxes = fields.fanOutAxes && [...fields.fanOutAxes];
  }

  /** A copy with some fields replaced. */
  with(fields: Partial<WeightHParamsFields>): WeightHParams {
    return new WeightHParams({ ...this.fields(), ...fields });
  }

  /** The fields, as the constructor takes them. */
  fields(): WeightHParamsFields {
    return {
      shape: this.shape,
      ...(this.init ? { init: this.init } : {}),
      ...(this.dtype ? { dtype: this.dtype } : {}),
      collections: this.collections,
      ...(this.fanInAxes ? { fanInAxes: this.fanInAxes } : {}),
      ...(this.fanOutAxes ? { fanOutAxes: this.fanOutAxes } : {}),
    };
  }

  toString(): string {
    const init = this.init ? `, init=${this.init.toString()}` : '';
    const dtype = this.dtype ? `, dtype=${this.dtype}` : '';
    const colls = this.collections.length ? `, collections=[${this.collections.join(', ')}]` : '';
    return `WeightHParams(shape=[${this.shape.join(', ')}]${init}${dtype}${colls})`;
  }
}
