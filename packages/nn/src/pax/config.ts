import * as ax from '@addax/core';
import type { AnyBaseLayer, BaseLayerClass } from './base-layer.js';
import { defaultParamsInit, isDefaultParamsInit, WeightInit } from './weight-init.js';

/** The hyperparameters every layer has (Pax's `BaseLayer.HParams`), inherited by children. */
export interface BaseHParams {
  /** The layer's name; a child's is the name its parent gave it. */
  readonly name: string | null;
  /** The dtype of its variables; default float32. */
  readonly dtype: ax.DType;
  /** The dtype of its activations; default its `dtype`. */
  readonly fpropDtype: ax.DType | null;
  /** How its variables are drawn unless their WeightHParams say; default Xavier. */
  readonly paramsInit: WeightInit;
  /** Whether all its variables skip Lp regularisation; null: only those annotated so. */
  readonly skipLpRegularization: boolean | null;
}

const baseDefaults = (): BaseHParams => ({
  name: null,
  dtype: 'float32',
  fpropDtype: null,
  paramsInit: defaultParamsInit(),
  skipLpRegularization: null,
});

/** The hyperparameters a layer class declares (the first type argument of `BaseLayer`). */
export type HParamsOf<L> = L extends { readonly hp: infer H } ? Omit<H, keyof BaseHParams> : never;

/**
 * How a field is given in a config: an instance field (a layer, or a list of layers) as the
 * config it is instantiated from, anything else as itself.
 */
export type ConfigValue<T> = T extends AnyBaseLayer
  ? LayerConfig<T>
  : T extends readonly (infer E extends AnyBaseLayer)[]
    ? readonly LayerConfig<E>[]
    : T;

/** A layer's hyperparameters as its config holds them. */
export type ConfigFields<H> = { readonly [K in keyof H]: ConfigValue<H[K]> } & BaseHParams;

/** What `Layer.config(...)` takes: the fields without defaults are required. */
export type ConfigArgs<C extends BaseLayerClass> = Omit<
  ConfigFields<HParamsOf<InstanceType<C>>>,
  keyof C['defaults'] | keyof BaseHParams
> &
  Partial<ConfigFields<HParamsOf<InstanceType<C>>>>;

function cloneValue(value: unknown): unknown {
  if (value instanceof LayerConfig) return value.clone();
  if (globalThis.Array.isArray(value)) return value.map(cloneValue);
  return value;
}

const cloneFields = (fields: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, cloneValue(v)]));

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'string') return `'${value}'`;
  if (value instanceof WeightInit) return value.toString();
  if (globalThis.Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`;
  return String(value);
}

/**
 * A layer's configuration (Pax's `HParams`, Fiddle's `Config`): its class and hyperparameters.
 * Fields holding configs are templates (they stay configs, for the layer to make children from)
 * unless the class lists them in `instanceFields`, in which case `instantiate` makes them layers.
 *
 * @example
 * ```ts
 * const cfg = nn.pax.Linear.config({ inputDims: 64, outputDims: 10 });
 * const wide = cfg.clone().set({ outputDims: 32 });
 * const layer = wide.instantiate();
 * console.log(wide.toText());
 * ```
 */
export class LayerConfig<L extends AnyBaseLayer = AnyBaseLayer> {
  readonly #fields: Record<string, unknown>;

  constructor(
    readonly cls: BaseLayerClass<L>,
    fields: Readonly<Record<string, unknown>>,
  ) {
    // The class's default templates are copied, so that setting one config's leaves the others'.
    this.#fields = { ...baseDefaults(), ...cloneFields(cls.defaults), ...fields };
  }

  /** The hyperparameters, read-only (change them with {@link set}). */
  get hp(): Readonly<ConfigFields<HParamsOf<L>>> {
    return Object.freeze({ ...this.#fields }) as unknown as ConfigFields<HParamsOf<L>>;
  }

  /** A deep copy: nested configs are copied too, so changing one leaves the other alone. */
  clone(): LayerConfig<L> {
    return new LayerConfig(this.cls, cloneFields(this.#fields));
  }

  /** Sets some fields and returns this config (Pax's `.set`); a field the layer lacks is an error. */
  set(values: Partial<ConfigFields<HParamsOf<L>>>): this {
    for (const [key, value] of Object.entries(values)) {
      if (!(key in this.#fields)) {
        throw new ax.ParameterError(
          `${this.cls.name}.config: no hyperparameter '${key}' (it has ${Object.keys(this.#fields).join(', ')})`,
        );
      }
      this.#fields[key] = value;
    }
    return this;
  }

  /** The layer this config describes, its instance fields instantiated as its children. */
  instantiate(): L {
    return new this.cls(this.clone().#fields);
  }

  /**
   * These fields with a parent's inherited (Pax's `copy_base_hparams`): a dtype left float32, an
   * unset fprop dtype or Lp flag and a default `paramsInit` take the parent's.
   *
   * @internal
   */
  inheritFrom(parent: BaseHParams, name: string): LayerConfig<L> {
    const child = this.clone();
    const f = child.#fields as Record<keyof BaseHParams, unknown>;
    if (f.dtype === 'float32') f.dtype = parent.dtype;
    if (f.fpropDtype === null) f.fpropDtype = parent.fpropDtype;
    if (f.skipLpRegularization === null) f.skipLpRegularization = parent.skipLpRegularization;
    if (isDefaultParamsInit(f.paramsInit as WeightInit)) f.paramsInit = parent.paramsInit;
    f.name = name;
    return child;
  }

  /**
   * The config as text, one `path : value` line per field, nested configs' fields under their
   * field's name (Pax's `to_text`).
   */
  toText(): string {
    return this.lines('').join('\n');
  }

  private lines(prefix: string): string[] {
    const out = [`${prefix}cls : ${this.cls.name}`];
    for (const key of Object.keys(this.#fields).sort()) {
      const value = this.#fields[key];
      if (value instanceof LayerConfig) out.push(...value.lines(`${prefix}${key}.`));
      else if (globalThis.Array.isArray(value) && value.some((v) => v instanceof LayerConfig)) {
        value.forEach((v, i) =>
          out.push(
            ...(v instanceof LayerConfig
              ? v.lines(`${prefix}${key}[${i}].`)
              : [`${prefix}${key}[${i}] : ${describeValue(v)}`]),
          ),
        );
      } else out.push(`${prefix}${key} : ${describeValue(value)}`);
    }
    return out;
  }

  toString(): string {
    return `${this.cls.name}.config`;
  }
}
