import * as ax from '@addax/core';
import {
  AUX_LOSS,
  DEFAULT_INIT_MUTABLE,
  NON_TRAINABLE,
  PARAMS,
  RANDOM,
  SUMMARIES,
  varNotTrainable,
  WeightHParamsCollection,
} from './collections.js';
import { LayerConfig, type BaseHParams, type ConfigArgs } from './config.js';
import { currentContext, SummaryVerbosity } from './context.js';
import {
  currentScope,
  dictAt,
  hashPath,
  inScope,
  isMutable,
  type Mutable,
  type Scope,
  type Variables,
} from './scope.js';
import { summaryKey, summaryValue, type SummaryOptions } from './summaries.js';
import { initVar } from './weight-init.js';
import { WeightHParams } from './weight-hparams.js';

/** Any Pax-style layer. */
export type AnyBaseLayer = BaseLayer<object, string>;

/** A layer class: what `config` and `LayerConfig` need of it. */
export interface BaseLayerClass<L extends AnyBaseLayer = AnyBaseLayer> {
  new (fields: Readonly<Record<string, unknown>>): L;
  readonly name: string;
  /** Values of the fields a config may leave out. */
  readonly defaults: object;
  /** Fields whose configs `instantiate` makes into child layers. */
  readonly instanceFields: readonly string[];
}

/** Random keys by stream name (`params` draws weights, `random` what `nextPrngKey` gives). */
export type Rngs = Readonly<Record<string, ax.Array>>;

/** Options of {@link BaseLayer.init}. */
export interface InitOptions {
  /** The collections returned; default `params` and `non_trainable`. */
  readonly mutable?: Mutable;
  /** The method run instead of `call`. */
  readonly method?: string;
}

/** Options of {@link BaseLayer.apply}. */
export interface ApplyOptions {
  /** Collections the call may change, returned beside the output; default none. */
  readonly mutable?: Mutable;
  /** Random keys by stream. */
  readonly rngs?: Rngs;
  /** The method run instead of `call`. */
  readonly method?: string;
}

/** A declared variable: where it lives and how it is made. */
interface Declared {
  readonly hp: WeightHParams;
  readonly collection: string;
}

type CallArgs<L> = L extends { call(...args: infer A): unknown } ? A : never;
type CallResult<L> = L extends { call(...args: never[]): infer R } ? R : never;

function trailingOptions<O>(values: readonly unknown[], arity: number): [unknown[], O | undefined] {
  const last = values.at(-1);
  return values.length > arity && ax.tree.isPlainObject(last)
    ? [values.slice(0, -1), last as O]
    : [[...values], undefined];
}

function keyRngs(rngs: ax.Array | Rngs, where: string): Rngs {
  if (rngs instanceof ax.Array) return { [PARAMS]: rngs, [RANDOM]: ax.random.foldIn(rngs, 1) };
  if (!ax.tree.isPlainObject(rngs) || !(rngs[PARAMS] instanceof ax.Array)) {
    throw new ax.ParameterError(`${where}: expected a key or { params: key, ... }, got ${String(rngs)}`);
  }
  return rngs;
}

/**
 * A Pax-style layer (Praxis's `BaseLayer`): hyperparameters in a config, variables and children
 * declared in `setup`, the computation in `call`, run through `init` and `apply` as pure
 * functions of the variables (Flax's conventions), so `grad`, `vmap` and `jit` apply to them.
 *
 * @example
 * ```ts
 * class Scale extends nn.BaseLayer<{ dims: number }, 'w'> {
 *   override setup() {
 *     this.createVariable('w', new nn.WeightHParams({ shape: [this.hp.dims], init: nn.WeightInit.Constant(2) }));
 *   }
 *   call(x: ax.Array) { return x.mul(this.theta.w); }
 * }
 * const layer = Scale.config({ dims: 3 }).instantiate();
 * const vars = layer.init(ax.random.key(0), ax.ones([3]));
 * layer.apply(vars, ax.ones([3])); // [2, 2, 2]
 * ```
 */
export abstract class BaseLayer<H extends object = Record<never, never>, V extends string = string> {
  /** Field values a config may leave out; a subclass lists its own (`satisfies Partial<H>`). */
  static readonly defaults: object = {};
  /** Fields holding configs that `instantiate` makes into child layers named by the field. */
  static readonly instanceFields: readonly string[] = [];

  /** The hyperparameters, frozen; instance fields hold layers. */
  readonly hp: Readonly<H & BaseHParams>;
  readonly #declared = new Map<string, Declared>();
  readonly #children = new Map<string, AnyBaseLayer>();
  #parent: AnyBaseLayer | undefined;
  #setup: 'no' | 'running' | 'done' = 'no';

  constructor(fields: Readonly<Record<string, unknown>>) {
    const cls = this.constructor as BaseLayerClass;
    const hp: Record<string, unknown> = { ...fields };
    for (const field of cls.instanceFields) {
      const value = hp[field];
      const base = fields as unknown as BaseHParams;
      if (value instanceof LayerConfig)
        hp[field] = this.#adopt(field, value.inheritFrom(base, field).instantiate());
      else if (globalThis.Array.isArray(value)) {
        hp[field] = value.map((v: unknown, i) => {
          if (!(v instanceof LayerConfig)) throw this.#notConfig(`${field}[${i}]`, v);
          return this.#adopt(`${field}_${i}`, v.inheritFrom(base, `${field}_${i}`).instantiate());
        });
      } else if (value !== null && value !== undefined) throw this.#notConfig(field, value);
    }
    this.hp = Object.freeze(hp) as unknown as Readonly<H & BaseHParams>;
  }

  /**
   * A config of this layer class (Pax's `HParams(...)`, Fiddle's `Config`).
   *
   * @example
   * ```ts
   * const cfg = nn.pax.Linear.config({ inputDims: 4, outputDims: 2 });
   * ```
   */
  static config<C extends BaseLayerClass>(
    this: C,
    ...fields: Record<never, never> extends ConfigArgs<C> ? [ConfigArgs<C>?] : [ConfigArgs<C>]
  ): LayerConfig<InstanceType<C>> {
    return new LayerConfig(this as unknown as BaseLayerClass<InstanceType<C>>, fields[0] ?? {});
  }

  /** The layer's name: the one its parent gave it, else its config's, else its class's. */
  get name(): string {
    return this.hp.name ?? this.constructor.name;
  }

  /** Where the layer's variables live: child names from the root of the current call. */
  get path(): readonly string[] {
    const scope = this.#scope('path');
    const path: string[] = [];
    let layer: AnyBaseLayer | undefined = this as AnyBaseLayer;
    while (layer !== scope.root) {
      if (layer === undefined) {
        throw new ax.ParameterError(
          `${this.#describe()} is not part of the layer being run (${String(scope.root)})`,
        );
      }
      path.unshift(layer.name);
      layer = layer.#parent;
    }
    return path;
  }

  /** Declares the layer's variables and children; runs once, before the layer is first used. */
  protected setup(): void {}

  /**
   * Leading axes added to every variable of this layer's descendants (Praxis's `repeat_prefix`):
   * `init` draws each of them once per index along these axes, with its own key, and stacks the
   * draws. For a layer that runs its children over slices of their variables (`Repeat`); the
   * children themselves see one slice, so that layer must install the slices when it calls them.
   */
  protected stackedChildAxes(): readonly number[] {
    return [];
  }

  /** The forward computation (Pax's `__call__`), reading variables through `theta` and `getVar`. */
  abstract call(...args: never[]): unknown;

  /** The activations' dtype: `fpropDtype`, else `dtype`. */
  get fpropDtype(): ax.DType {
    return this.hp.fpropDtype ?? this.hp.dtype;
  }

  /** Whether the current context evaluates (dropout off, moving statistics used). */
  get doEval(): boolean {
    return currentContext().doEval;
  }

  /** The layer's children by name, in the order they were made. */
  get children(): ReadonlyMap<string, AnyBaseLayer> {
    this.#ensureSetup();
    return this.#children;
  }

  /** The trainable variables (`params`) of this layer in the current call, by name. */
  get theta(): Readonly<Record<V, ax.Array>> {
    return new Proxy({} as Record<V, ax.Array>, {
      get: (_target, name) => {
        if (typeof name !== 'string') return undefined;
        return this.#read(PARAMS, name, 'theta');
      },
    });
  }

  /** A non-trainable variable's current value. */
  getVar(name: string): ax.Array {
    return this.#read(NON_TRAINABLE, name, 'getVar');
  }

  /**
   * Sets a non-trainable variable for the rest of the call and in what `apply` returns. As in Pax,
   * this does nothing unless `non_trainable` is mutable and the call is not `init`. Its shape and
   * dtype must stay.
   */
  updateVar(name: string, value: ax.Array): void {
    const old = this.getVar(name);
    const scope = this.#scope('updateVar');
    if (scope.initializing || !isMutable(scope, NON_TRAINABLE)) return;
    if (!(value instanceof ax.Array) || !sameShape(old.shape, value.shape) || old.dtype !== value.dtype) {
      throw new ax.ShapeError(
        `${this.#describe()}.updateVar('${name}'): the new value must be ${old.aval.describe()}, got ` +
          `${value instanceof ax.Array ? value.aval.describe() : String(value)}`,
      );
    }
    dictAt(scope.variables, NON_TRAINABLE, this.path, true)![name] = value;
  }

  /** A new key from stream `stream` (Flax's `make_rng`): different at every draw and layer. */
  nextPrngKey(stream: string = RANDOM): ax.Array {
    const scope = this.#scope('nextPrngKey');
    const base = scope.rngs[stream];
    if (!base) {
      throw new ax.ParameterError(
        `${this.#describe()}.nextPrngKey: no '${stream}' key was given; pass { rngs: { ${stream}: key } } to apply`,
      );
    }
    const at = `${stream}:${this.path.join('/')}`;
    const n = scope.draws.get(at) ?? 0;
    scope.draws.set(at, n + 1);
    return ax.random.foldIn(ax.random.foldIn(base, hashPath(at)), n);
  }

  /**
   * Records a summary under `summaries` (when that collection is mutable and `verbosity` is at
   * most the context's), keyed `name_type`.
   */
  addSummary(
    name: string,
    value: ax.Array | string,
    { type = 'scalar', verbosity = SummaryVerbosity.INFO }: SummaryOptions = {},
  ): void {
    const scope = this.#scope('addSummary');
    if (verbosity > currentContext().summaryVerbosity || !isMutable(scope, SUMMARIES)) return;
    const dict = dictAt(scope.variables, SUMMARIES, this.path, true)!;
    dict[summaryKey(name, type, (k) => k in dict)] = summaryValue(name, value, type);
  }

  /** Adds to an auxiliary loss under `aux_loss` (summed over calls, with its weight; default 1). */
  addAuxLoss(name: string, value: ax.Array, weight?: ax.Array): void {
    const scope = this.#scope('addAuxLoss');
    if (!isMutable(scope, AUX_LOSS)) return;
    const dict = dictAt(scope.variables, AUX_LOSS, this.path, true)!;
    const w = weight ?? ax.onesLike(value);
    const prior = dict[name] as { value: ax.Array; weight: ax.Array } | undefined;
    dict[name] = prior
      ? { value: prior.value.add(value), weight: prior.weight.add(w) }
      : { value, weight: w };
  }

  /**
   * Declares a variable (in `setup`): trainable ones go to `params`, others (or any annotated
   * NON_TRAINABLE) to `non_trainable`; its init and dtype default to the layer's.
   */
  protected createVariable(
    name: string,
    hp: WeightHParams,
    { trainable = true }: { trainable?: boolean } = {},
  ): void {
    this.#checkNewName(name, 'createVariable');
    if (!(hp instanceof WeightHParams)) {
      throw new ax.ParameterError(
        `${this.#describe()}.createVariable('${name}'): expected a WeightHParams, got ${String(hp)}`,
      );
    }
    const collections = [...hp.collections];
    const add = (c: (typeof collections)[number]) => collections.includes(c) || collections.push(c);
    if (this.hp.skipLpRegularization) add(WeightHParamsCollection.SKIP_LP_REGULARIZATION);
    if (!trainable) add(WeightHParamsCollection.NON_TRAINABLE);
    const filled = hp.with({
      init: hp.init ?? this.hp.paramsInit,
      dtype: hp.dtype ?? this.hp.dtype,
      collections,
    });
    this.#declared.set(name, { hp: filled, collection: varNotTrainable(filled) ? NON_TRAINABLE : PARAMS });
  }

  /** Makes a child layer (in `setup`) from a config, inheriting this layer's dtypes and init. */
  protected createChild<L extends AnyBaseLayer>(name: string, config: LayerConfig<L>): L {
    this.#checkNewName(name, 'createChild');
    if (!(config instanceof LayerConfig)) throw this.#notConfig(name, config);
    return this.#adopt(name, config.inheritFrom(this.hp, name).instantiate()) as L;
  }

  /** Makes children `name_0`, `name_1`, ... from a list of configs. */
  protected createChildren<L extends AnyBaseLayer>(name: string, configs: readonly LayerConfig<L>[]): L[] {
    this.#checkNewName(name, 'createChildren');
    if (!globalThis.Array.isArray(configs)) throw this.#notConfig(name, configs);
    return configs.map((c, i) => this.createChild(`${name}_${i}`, c));
  }

  /**
   * The variables of the layer tree (Flax's `init`): each drawn from the `params` key folded with
   * its path, then `call` (or `method`) run on `args` so that the tree is exercised as it will be.
   * Returns the `params` and `non_trainable` collections unless `mutable` names others.
   */
  init<L extends AnyBaseLayer>(
    this: L,
    rngs: ax.Array | Rngs,
    ...args: [...CallArgs<L>] | [...CallArgs<L>, InitOptions]
  ): Variables {
    const given = keyRngs(rngs, `${this.#describe()}.init`);
    const [callArgs, options = {}] = trailingOptions<InitOptions>(args, this.#arity(methodNamed(args)));
    const scope = this.#newScope({}, options.mutable ?? DEFAULT_INIT_MUTABLE, given, true);
    inScope(scope, () => {
      this.#forEachLayer((layer, stacked) => {
        for (const [name, { hp, collection }] of layer.#declared) {
          const key = ax.random.foldIn(given[PARAMS]!, hashPath([...layer.path, name].join('/')));
          dictAt(scope.variables, collection, layer.path, true)![name] = initStacked(name, hp, key, stacked);
        }
      });
      this.#method(options.method)(...callArgs);
    });
    return this.#returned(scope);
  }

  /**
   * Runs `call` (or `method`) on `args` with `variables` (Flax's `apply`). With `mutable`, returns
   * `[output, changed collections]`; `rngs` gives the streams `nextPrngKey` draws from.
   */
  apply<L extends AnyBaseLayer>(
    this: L,
    variables: Readonly<Record<string, unknown>>,
    ...args: [...CallArgs<L>, ApplyOptions & { mutable: true | readonly string[] }]
  ): [CallResult<L>, Variables];
  apply<L extends AnyBaseLayer>(
    this: L,
    variables: Readonly<Record<string, unknown>>,
    ...args: [...CallArgs<L>] | [...CallArgs<L>, ApplyOptions]
  ): CallResult<L>;
  apply(variables: Readonly<Record<string, unknown>>, ...args: unknown[]): unknown {
    if (!ax.tree.isPlainObject(variables)) {
      throw new ax.ParameterError(
        `${this.#describe()}.apply: variables must be { params, ... }, got ${String(variables)}`,
      );
    }
    const [callArgs, options = {}] = trailingOptions<ApplyOptions>(args, this.#arity(methodNamed(args)));
    const mutable = options.mutable ?? false;
    const scope = this.#newScope(
      ax.tree.map((leaf) => leaf, variables) as Variables,
      mutable,
      options.rngs ?? {},
      false,
    );
    const out = inScope(scope, () => this.#method(options.method)(...callArgs));
    return mutable === false ? out : [out, this.#returned(scope)];
  }

  /**
   * The variables' declarations without drawing any (Pax's `abstract_init_with_metadata`):
   * `{ params, non_trainable }` trees of filled-in {@link WeightHParams} (shapes with the leading
   * axes of {@link stackedChildAxes}).
   */
  abstractInit(): Record<string, Record<string, unknown>> {
    const out: Variables = {};
    inScope(this.#newScope({}, false, {}, true), () =>
      this.#forEachLayer((layer, stacked) => {
        for (const [name, { hp, collection }] of layer.#declared)
          dictAt(out, collection, layer.path, true)![name] = hp.with({ shape: [...stacked, ...hp.shape] });
      }),
    );
    return out;
  }

  toString(): string {
    return this.#describe();
  }

  #describe(): string {
    return `${this.constructor.name} '${this.name}'`;
  }

  #notConfig(name: string, value: unknown): ax.ParameterError {
    return new ax.ParameterError(
      `${this.#describe()}: child '${name}' must be a layer config (e.g. Linear.config({...})), got ${String(value)}`,
    );
  }

  #adopt(name: string, child: AnyBaseLayer): AnyBaseLayer {
    if (this.#children.has(name))
      throw new ax.ParameterError(`${this.#describe()}: a child named '${name}' already exists`);
    child.#parent = this as AnyBaseLayer;
    this.#children.set(name, child);
    return child;
  }

  #checkNewName(name: string, where: string): void {
    if (this.#setup !== 'running') {
      throw new ax.ParameterError(
        `${this.#describe()}.${where}('${name}'): only setup() may declare variables and children`,
      );
    }
    if (name in this.hp) {
      throw new ax.ParameterError(
        `${this.#describe()}.${where}: '${name}' is the name of a hyperparameter; choose another`,
      );
    }
    if (this.#declared.has(name))
      throw new ax.ParameterError(`${this.#describe()}.${where}: a variable named '${name}' already exists`);
    if (this.#children.has(name))
      throw new ax.ParameterError(`${this.#describe()}.${where}: a child named '${name}' already exists`);
  }

  #ensureSetup(): void {
    if (this.#setup === 'done') return;
    this.#setup = 'running';
    try {
      this.setup();
      this.#setup = 'done';
    } catch (e) {
      this.#setup = 'no';
      this.#declared.clear();
      throw e;
    }
  }

  /**
   * Runs `fn` on this layer and every descendant, parents first, each set up, with the leading
   * axes its variables are stacked along (its ancestors' {@link stackedChildAxes}).
   */
  #forEachLayer(
    fn: (layer: AnyBaseLayer, stacked: readonly number[]) => void,
    stacked: readonly number[] = [],
  ): void {
    this.#ensureSetup();
    fn(this as AnyBaseLayer, stacked);
    const inner = [...stacked, ...this.stackedChildAxes()];
    for (const child of this.#children.values()) child.#forEachLayer(fn, inner);
  }

  #scope(where: string): Scope {
    const scope = currentScope();
    if (!scope) throw new ax.ParameterError(`${this.#describe()}.${where}: only inside init or apply`);
    this.#ensureSetup();
    return scope;
  }

  #read(collection: string, name: string, where: string): ax.Array {
    const scope = this.#scope(where);
    const value = dictAt(scope.variables, collection, this.path, false)?.[name];
    if (!(value instanceof ax.Array)) {
      const declared = [...this.#declared].filter(([, d]) => d.collection === collection).map(([n]) => n);
      throw new ax.ParameterError(
        `${this.#describe()}: no ${where === 'theta' ? `theta.${name}` : `variable '${name}'`} in ${collection}` +
          (declared.includes(name)
            ? ' (declared, but missing from the variables given to apply)'
            : ` (it declares ${declared.length ? declared.join(', ') : 'none'})`),
      );
    }
    return value;
  }

  #newScope(variables: Variables, mutable: Mutable, rngs: Rngs, initializing: boolean): Scope {
    return { root: this, variables, mutable, rngs, initializing, draws: new Map() };
  }

  #returned(scope: Scope): Variables {
    return Object.fromEntries(Object.entries(scope.variables).filter(([c]) => isMutable(scope, c)));
  }

  #method(name: string | undefined): (...args: unknown[]) => unknown {
    const key = name ?? 'call';
    const fn = (this as unknown as Record<string, unknown>)[key];
    if (typeof fn !== 'function') throw new ax.ParameterError(`${this.#describe()}: no method '${key}'`);
    return (...args) => {
      // The whole tree: a child's fields (set in its setup) are read before it touches the scope.
      this.#forEachLayer(() => {});
      return (fn as (...a: unknown[]) => unknown).apply(this, args);
    };
  }

  #arity(method: string | undefined): number {
    const fn = (this as unknown as Record<string, unknown>)[method ?? 'call'];
    return typeof fn === 'function' ? fn.length : 0;
  }
}

/** `initVar` drawn once per index of the leading axes `stacked`, each from `key` folded with it. */
function initStacked(name: string, hp: WeightHParams, key: ax.Array, stacked: readonly number[]): ax.Array {
  if (stacked.length === 0) return initVar(name, hp, key);
  const [n, ...inner] = stacked;
  return ax.stack(
    globalThis.Array.from({ length: n! }, (_, i) => initStacked(name, hp, ax.random.foldIn(key, i), inner)),
  );
}

const sameShape = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/** The method named by a trailing options object, if any, to count that method's arity. */
function methodNamed(args: readonly unknown[]): string | undefined {
  const last = args.at(-1);
  return ax.tree.isPlainObject(last) && typeof last.method === 'string' ? last.method : undefined;
}

ax.registerPytree(
  BaseLayer,
  (layer) => [[], layer],
  (layer) => layer,
);
