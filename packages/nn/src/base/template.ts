import * as ax from '@addax/core';
import type { LayerKwargs } from './kwargs.js';
import type { Layer, LayerClass } from './layer.js';
import { childrenOf, Serial, type AnyTemplate } from './serial.js';

/** Options of {@link Template.init}. */
export interface TemplateInitOptions {
  /** Names the layer: inside a stateful function it is then one variable of that name. */
  readonly name?: string;
}

/** Keyword arguments of {@link Template.call}: the init key and name, then the layer's own. */
export interface TemplateCallOptions extends LayerKwargs {
  readonly initKey?: ax.Array;
  readonly name?: string;
}

/**
 * A layer before initialisation (Oryx's `Template`): the layer class and its constructor
 * arguments. `init` makes the layer for an input spec; `compose` chains templates (Oryx's `>>`).
 *
 * @example
 * ```ts
 * const net = nn.Dense(64).compose(nn.Relu()).compose(nn.Dense(10));
 * const layer = net.init(ax.random.key(0), new ax.ShapeDtype([784], 'float32'));
 * net.spec(new ax.ShapeDtype([784], 'float32')); // f32[10]
 * layer.call(ax.ones([784])); // f32[10]
 * ```
 */
export class Template<L extends Layer = Layer, A extends unknown[] = never[]> {
  readonly initArgs: A;

  constructor(
    readonly cls: LayerClass<L, A>,
    initArgs: A,
  ) {
    this.initArgs = initArgs;
  }

  /**
   * The layer for inputs like `inSpec` (a spec or an array), its parameters drawn from `initKey`.
   * Inside a stateful function its variables are declared: as one variable `name` if named, else
   * as `params` and `state`.
   */
  init(initKey: ax.Array, inSpec: ax.ShapeDtype | ax.Array, { name }: TemplateInitOptions = {}): L {
    if (!(initKey instanceof ax.Array)) {
      throw new ax.ParameterError(
        `${this.cls.name}: cannot initialise a template without an init key (got ${String(initKey)}); ` +
          'pass one, e.g. ax.random.key(0)',
      );
    }
    // What initialize declares (a combinator's children) is the layer's own, not the caller's state.
    const [initial] = ax.reap(
      () => this.cls.initialize(initKey, ax.state.specOf(inSpec, 'Template'), ...this.initArgs),
      {
        tag: ax.state.VARIABLE,
      },
    )();
    const layer = new this.cls(initial, name);
    if (name !== undefined) return ax.state.variable(layer, { name });
    return layer.replace({
      params: ax.state.variable(layer.params, { name: 'params' }),
      state: ax.state.variable(layer.state, { name: 'state' }),
    });
  }

  /** The spec of the layer's output for inputs like `inSpec`. */
  spec(inSpec: ax.ShapeDtype | ax.Array): ax.ShapeDtype {
    return this.cls.spec(ax.state.specOf(inSpec, 'Template'), ...this.initArgs);
  }

  /**
   * Initialises the layer with `initKey` and runs it on `x` as a call inside a stateful function
   * (so its variables become the enclosing function's); the other keyword arguments reach the layer.
   */
  call(x: ax.Array, { initKey, name, ...kwargs }: TemplateCallOptions = {}): ax.Array {
    return this.init(initKey as ax.Array, x, { name }).run(x, kwargs);
  }

  /**
   * This template, then `next` on its output (Oryx's `>>`): a {@link Serial} template. Chains stay
   * flat: `a.compose(b).compose(c)` is `Serial([a, b, c])`.
   */
  compose(next: AnyTemplate): Template<Serial, [readonly AnyTemplate[]]> {
    return Serial.of(...childrenOf(this as AnyTemplate), ...childrenOf(next));
  }

  toString(): string {
    return `${this.cls.name}Template`;
  }
}

ax.state.defineStateful(Template, {
  arity: () => 1,
  init: (t, name, initKey, args) => t.init(initKey, args[0] as ax.Array, { name }),
  spec: (t, args) => t.spec(args[0] as ax.ShapeDtype),
  callAndUpdate: (t, args, kwargs) => [t.call(args[0] as ax.Array, kwargs), t],
});
