import type { Layer, LayerClass } from './layer.js';
import { Template } from './template.js';

/**
 * What a layer's public name is: called (or constructed with `new`) it yields a {@link Template}
 * of the layer, as constructing an Oryx layer does, and `instanceof` tests for the layer class.
 */
export interface LayerFactory<L extends Layer, A extends unknown[]> {
  (...args: A): Template<L, A>;
  new (...args: A): Template<L, A>;
  /** The layer class itself. */
  readonly layer: LayerClass<L, A>;
}

/**
 * The public name of layer class `cls`: `nn.Dense(10)` and `new nn.Dense(10)` both give a template.
 *
 * @example
 * ```ts
 * export const Scale = nn.layerFactory(ScaleLayer);
 * const layer = Scale().init(ax.random.key(0), ax.ones([3]));
 * layer instanceof Scale; // true
 * ```
 */
export function layerFactory<L extends Layer, A extends unknown[]>(
  cls: LayerClass<L, A>,
): LayerFactory<L, A> {
  // A plain function, so that `new` is allowed and returns the template it builds.
  const factory = function (...args: A): Template<L, A> {
    return new Template(cls, args);
  };
  Object.defineProperties(factory, {
    name: { value: cls.name.replace(/Layer$/, '') },
    layer: { value: cls },
    [Symbol.hasInstance]: { value: (x: unknown) => x instanceof cls },
  });
  return factory as unknown as LayerFactory<L, A>;
}
