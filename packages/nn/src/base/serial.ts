import * as ax from '@addax/core';
import type { LayerKwargs } from './kwargs.js';
import { Layer } from './layer.js';
import { layerParams, type Empty, type LayerParams } from './layer-params.js';
import { Template, type TemplateInitOptions } from './template.js';

/**
 * A template of any layer class, as a combinator sees it. `Template<L, A>` is invariant in `L` and
 * `A` (its class both takes and makes them), so no instance of it is a supertype of every template.
 */
export interface AnyTemplate {
  readonly cls: { readonly name: string };
  readonly initArgs: readonly unknown[];
  init(initKey: ax.Array, inSpec: ax.ShapeDtype | ax.Array, options?: TemplateInitOptions): Layer;
  spec(inSpec: ax.ShapeDtype | ax.Array): ax.ShapeDtype;
}

/**
 * Layers run one after another (Oryx's `Serial`): each child initialised on the previous one's
 * output spec, `rng` split once per child, every keyword argument passed to every child.
 *
 * @example
 * ```ts
 * const mlp = nn.Serial.of(nn.Dense(32), nn.Relu(), nn.Dense(10));
 * const layer = mlp.init(ax.random.key(0), ax.ones([8]));
 * layer.call(ax.ones([8]), { training: false }); // f32[10]
 * ```
 */
export class Serial extends Layer<readonly Layer[], Empty, Empty> {
  static override readonly callKwargs = 'all' as const;
  static override readonly updateKwargs = 'all' as const;

  /** The template of `templates` in sequence. */
  static of(...templates: AnyTemplate[]): Template<Serial, [readonly AnyTemplate[]]> {
    if (templates.length === 0) throw new ax.ParameterError('Serial: needs at least one template');
    return new Template(Serial, [templates]);
  }

  static initialize(
    initKey: ax.Array,
    inSpec: ax.ShapeDtype,
    templates: readonly AnyTemplate[],
  ): LayerParams<readonly Layer[], Empty, Empty> {
    const layers = ax.state.initWith([...templates], 'layers', initKey, [inSpec], {}) as Layer[];
    return layerParams({ params: layers });
  }

  static spec(inSpec: ax.ShapeDtype, templates: readonly AnyTemplate[]): ax.ShapeDtype {
    return templates.reduce((spec, t) => t.spec(spec), inSpec);
  }

  protected override _call(x: unknown, kwargs: LayerKwargs): unknown {
    return this._callAndUpdate(x, kwargs)[0];
  }

  /** Runs the children once, threading the output and splitting `rng` for each. */
  override _callAndUpdate(x: unknown, { rng, ...kwargs }: LayerKwargs): [unknown, this] {
    let y = x;
    let key = rng;
    const updated = this.params.map((layer) => {
      let sub: ax.Array | undefined;
      if (key !== undefined) [key, sub] = ax.random.unstackKeys(ax.random.split(key)) as [ax.Array, ax.Array];
      const [out, next] = layer.callAndUpdate(y, sub === undefined ? kwargs : { ...kwargs, rng: sub });
      y = out;
      return next;
    });
    return [y, this.replace({ params: updated })];
  }

  override toString(): string {
    return this.params.map(String).join(' >> ');
  }
}

/** The templates a chain is made of: a `Serial` template's children, else the template itself. */
export function childrenOf(t: AnyTemplate): AnyTemplate[] {
  return t.cls === (Serial as unknown) ? [...(t.initArgs[0] as readonly AnyTemplate[])] : [t];
}
