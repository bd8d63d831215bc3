import fc from 'fast-check';
import * as ax from '@addax/core';
import * as nn from '@addax/nn';
import type { LawCase, LawName, LawTolerance } from '../laws/law-case.js';
import { stateLeaves } from './state-leaves.js';

/** How {@link layerCase} builds and runs a layer. */
export interface LayerCaseOptions<L extends nn.Layer, A extends unknown[]> {
  readonly name: string;
  /** The layer's template; the case initialises it once, on shapes only, for its structure. */
  readonly template: nn.Template<L, A>;
  /**
   * The layer's input: the shape of a float32 argument, or a function making it inside the case's
   * function (a constant, for inputs no law argument can be, such as `Embedding`'s int32 indices).
   */
  readonly input: readonly number[] | (() => ax.Array);
  /**
   * Whether the input's axis 0 is a batch: the layer then runs under `vmap` over it, which takes
   * its batched path (one convolution for the batch, `BatchNorm`'s batch statistics). Default false.
   */
  readonly batched?: boolean;
  /**
   * The call's keyword arguments, made inside the case's function, so that an `rng` key is made
   * (and its threefry bits drawn) on the backend under test.
   */
  readonly kwargs?: () => nn.LayerKwargs;
  /**
   * Rewrites leaves whose values cannot come from the arguments' range (a variance must be
   * positive), inside the case's function.
   */
  readonly prepare?: (layer: L) => L;
  /** The range the input and the leaves are drawn from; default `[-2, 2]`. */
  readonly range?: readonly [number, number];
  readonly tolerance: LawTolerance;
  /** Differentiable with bounded derivatives on the range (see `LawCase.smooth`); default false. */
  readonly smooth?: boolean;
  /** Default the layer suites' laws: `reference` and `grad`. */
  readonly laws?: readonly LawName[];
}

/** A layer suite's law case, with the template whose layer its function runs. */
export interface LayerLawCase extends LawCase {
  readonly template: nn.AnyTemplate;
}

/** The laws layer suites are checked with unless a case names others. */
export const LAYER_LAWS: readonly LawName[] = ['reference', 'grad'];

/** What the case's function rebuilds the layer from: its structure and its leaves' shapes. */
interface Structure {
  readonly def: ax.TreeDef;
  readonly leafShapes: readonly (readonly number[])[];
}

const KEY_SPEC = new ax.ShapeDtype([2], 'uint32');

/** The structure of the layer `template` makes for `example` inputs, by abstract evaluation (no kernel runs). */
function structureOf(name: string, template: nn.AnyTemplate, example: ax.ShapeDtype): Structure {
  const layer = ax.evalShape((key: ax.Array) => template.init(key, example))(KEY_SPEC);
  const [leaves, def] = ax.tree.flatten(layer);
  const specs = leaves as ax.ShapeDtype[];
  specs.forEach((s, i) => {
    if (s.dtype !== 'float32') {
      throw new ax.DTypeError(
        `layerCase ${name}: leaf ${i} of ${def.toString()} is ${s.describe()}; a law case's arguments are float32`,
      );
    }
  });
  return { def, leafShapes: specs.map((s) => s.shape) };
}

/** The spec of one example of the layer's input. */
function exampleSpec(input: readonly number[] | (() => ax.Array), batched: boolean): ax.ShapeDtype {
  const spec =
    typeof input === 'function' ? ax.evalShape<ax.ShapeDtype>(input)() : new ax.ShapeDtype(input, 'float32');
  return new ax.ShapeDtype(spec.shape.slice(batched ? 1 : 0), spec.dtype);
}

/**
 * A law case that runs a layer: its function takes the input (unless `input` makes it) and every
 * leaf of the layer (params then state, in `ax.tree.flatten` order) as float32 arrays, rebuilds the
 * layer around the leaves, calls `callAndUpdate` (under `vmap` when `batched`) and returns the
 * output and the updated layer's state, flattened into one array, so that the laws check the
 * update too. The layer's structure is found once, on first use, by initialising the template on
 * shapes alone.
 *
 * @example
 * ```ts
 * // MyLayer = nn.layerFactory(MyLayerClass): a batch of 4 examples [3, 3, 2], in training mode.
 * const mine = layerCase({
 *   name: 'MyLayer',
 *   template: MyLayer(8),
 *   input: [4, 3, 3, 2],
 *   batched: true,
 *   kwargs: () => ({ training: true, rng: ax.random.key(0) }),
 *   tolerance: { rtol: 1e-4, atol: 1e-5 },
 * });
 * runConformance({ backend: createMyBackend, name: 'mine', layers: [mine] });
 * ```
 */
export function layerCase<L extends nn.Layer, A extends unknown[]>(
  options: LayerCaseOptions<L, A>,
): LayerLawCase {
  const { name, template, input, batched = false, kwargs, prepare } = options;
  const inputShape = typeof input === 'function' ? undefined : input;
  let memo: Structure | undefined;
  const structure = (): Structure => (memo ??= structureOf(name, template, exampleSpec(input, batched)));
  const run = (x: ax.Array, leaves: readonly ax.Array[]): ax.Array => {
    const rebuilt = ax.tree.unflatten<L>(structure().def, leaves);
    const layer = prepare ? prepare(rebuilt) : rebuilt;
    const kw = kwargs?.() ?? {};
    const [y, updated] = batched
      ? ax.vmap((xi: ax.Array) => layer.callAndUpdate(xi, kw), { outAxes: [0, null] })(x)
      : layer.callAndUpdate(x, kw);
    return ax.concatenate([ax.ravel(y), ...stateLeaves(updated).map((s) => ax.ravel(s))], 0);
  };
  return {
    name,
    template,
    // Computed on first use, so that importing the suite traces nothing.
    get shapes() {
      const { leafShapes } = structure();
      return fc.constant(inputShape ? [inputShape, ...leafShapes] : leafShapes);
    },
    range: options.range ?? [-2, 2],
    fn: (...args) => (typeof input === 'function' ? run(input(), args) : run(args[0]!, args.slice(1))),
    smooth: options.smooth ?? false,
    tolerance: options.tolerance,
    laws: options.laws ?? LAYER_LAWS,
  };
}
