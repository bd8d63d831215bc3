import type { ShapeDtype } from './aval.js';
import type { DType, TypedArray } from './dtype.js';
import { BackendError } from './errors.js';
import type { Equation, IR } from './ir/ir.js';
import type { MinimalPrimitiveName, PrimitiveName, PrimitiveParams } from './primitives/params.js';
import type { Shape } from './shape.js';

/** An operand as a kernel sees it: the backend's own buffer, with its shape and dtype. */
export interface KernelArg<B> {
  readonly buffer: B;
  readonly shape: Shape;
  readonly dtype: DType;
}

/**
 * A backend's implementation of one primitive: operands and canonical params in, one new buffer
 * per output (shapes and dtypes already computed by the primitive's `abstractEval`) out.
 */
export type Kernel<P, B> = (
  operands: readonly KernelArg<B>[],
  params: P,
  outputs: readonly ShapeDtype[],
) => B[];

/**
 * A compiled fragment of a jitted program: the fragment's inputs (in `inVars` order) in, one new
 * buffer per output (in `outVars` order) out.
 */
export type FusedKernel<B> = (inputs: readonly B[]) => B[];

/**
 * How a backend fuses runs of a jitted program into single kernels (the optional jit path). jit
 * groups equations the backend accepts into fragments: equations whose outputs all have one shape,
 * each computing element `i` of its outputs from element `i` of its operands of that shape, or
 * reading an operand of another shape (made outside the fragment) at positions derived from `i`
 * (`broadcastInDim`, `reshape`), or making values from `i` alone (`iota`). A primitive that reads
 * other positions of an operand of its own shape (`transpose`, `rev`) must not be accepted: that
 * operand may be made inside the fragment, one element at a time. Each fragment is then compiled
 * once per cached program.
 *
 * @example
 * ```ts
 * const fusion: ax.FusionCompiler<Float32Array> = {
 *   canFuse: (eqn) => eqn.primitive.name === 'add',
 *   compile: () => undefined, // declines: every equation runs its own kernel
 * };
 * ```
 */
export interface FusionCompiler<B> {
  /** Whether `eqn` may join a fragment, as described above (its dtypes included). */
  canFuse(eqn: Equation): boolean;
  /**
   * One kernel for the fragment (an IR whose inputs are the buffers it reads, constants included),
   * or `undefined` to decline it, in which case its equations run one kernel at a time.
   */
  compile(fragment: IR): FusedKernel<B> | undefined;
}

/** Kernels for the built-in primitives named `N`: how a backend's kernel files type their parts. */
export type KernelsFor<N extends PrimitiveName, B> = { readonly [K in N]: Kernel<PrimitiveParams[K], B> };

/**
 * A backend's kernels by primitive name. The minimal set is required, so a backend missing one does
 * not compile; every other built-in is optional (its decomposition runs instead); primitives that
 * other packages define are keyed by their own names.
 */
export type KernelTable<B> = { readonly [N in MinimalPrimitiveName]: Kernel<PrimitiveParams[N], B> } & {
  readonly [N in Exclude<PrimitiveName, MinimalPrimitiveName>]?: Kernel<PrimitiveParams[N], B>;
} & { readonly [name: string]: Kernel<never, B> | undefined };

/**
 * What a backend implements. It owns buffers of its own type `B`; core never looks inside them.
 *
 * @example
 * ```ts
 * import * as ax from '@addax/core';
 * ax.registerBackend('mine', () => createMyBackend(), { priority: 5 });
 * ```
 */
export interface Backend<B = unknown> {
  /** The name it is registered under, reported by `getBackend().name`. */
  readonly name: string;
  /** What actually runs (e.g. `WebGL2 (SwiftShader)`), for reports; never a silent guess. */
  readonly description?: string;
  readonly kernels: KernelTable<B>;
  /** A new buffer holding `data` (row-major, `dtype`'s TypedArray). */
  upload(data: TypedArray, dtype: DType, shape: Shape): B;
  /** The buffer's elements as a TypedArray the caller owns. */
  read(buffer: B, dtype: DType, shape: Shape): Promise<TypedArray>;
  /** As `read`, synchronously; absent where the device cannot (reads then need `await data()`). */
  readSync?(buffer: B, dtype: DType, shape: Shape): TypedArray;
  /** Frees the buffer. Called exactly once per buffer by core. */
  dispose(buffer: B): void;
  /** Compiles fused fragments of jitted programs; without it, jit runs one kernel per equation. */
  readonly fusion?: FusionCompiler<B>;
  /**
   * Whether the device flushes float32 subnormals to zero of the same sign, in operands and in
   * results, as GPUs commonly do (XLA's GPU backend too). The conformance suite then compares
   * with subnormals flushed on both sides; every other value is still held to the reference.
   */
  readonly flushesSubnormals?: boolean;
  /**
   * Primitives whose kernel here runs on the CPU whatever the operands (a declared fallback: the
   * backend reads the operands back, runs a CPU kernel and uploads the results), so that reports
   * such as the conformance matrix say so instead of counting them as device kernels.
   */
  readonly cpuFallbacks?: readonly string[];
}

/** A function that creates a backend; it throws if the backend cannot start here. */
export type BackendFactory<B = unknown> = () => Backend<B>;

/** A registered backend's standing, as {@link listBackends} reports it. */
export interface BackendStatus {
  readonly name: string;
  readonly priority: number;
  /** `registered`: not started yet; `ready`: started; `failed`: could not start (see `error`). */
  readonly status: 'registered' | 'ready' | 'failed';
  readonly error?: string;
  /** Whether it is the backend operations currently run on. */
  readonly current: boolean;
  readonly description?: string;
}

interface Entry {
  readonly name: string;
  readonly factory: BackendFactory;
  readonly priority: number;
  instance?: Backend;
  error?: string;
}

const entries = new Map<string, Entry>();
let current: Entry | undefined;
const overrides: Backend[] = [];

/**
 * Runs `fn` with `backend` as the one new arrays are made on, without switching the user's choice:
 * a decomposition's constants must live where its operands live.
 */
export function withBackend<T>(backend: Backend, fn: () => T): T {
  overrides.push(backend);
  try {
    return fn();
  } finally {
    overrides.pop();
  }
}

/**
 * Makes a backend available under `name`. Backends register themselves when their package is
 * imported; the highest-priority one that starts becomes the default, unless `ADDAX_BACKEND` names
 * another.
 *
 * @example
 * ```ts
 * ax.registerBackend('mine', createMyBackend, { priority: 5 });
 * ax.setBackend('mine');
 * ```
 */
export function registerBackend<B>(
  name: string,
  factory: BackendFactory<B>,
  options: { priority?: number } = {},
): void {
  if (entries.has(name))
    throw new BackendError(`registerBackend: a backend named '${name}' is already registered`);
  // Core never looks inside a backend's buffers, so the buffer type is erased here.
  entries.set(name, { name, factory: factory as unknown as BackendFactory, priority: options.priority ?? 0 });
}

function start(entry: Entry): Backend {
  if (entry.instance) return entry.instance;
  if (entry.error !== undefined) {
    throw new BackendError(`backend '${entry.name}' failed to start: ${entry.error}`);
  }
  try {
    const instance = entry.factory();
    if (instance.name !== entry.name) {
      throw new BackendError(`its factory made a backend named '${instance.name}'`);
    }
    entry.instance = instance;
    return instance;
  } catch (e) {
    entry.error = e instanceof Error ? e.message : String(e);
    throw new BackendError(`backend '${entry.name}' failed to start: ${entry.error}`);
  }
}

function registeredNames(): string {
  return entries.size
    ? [...entries.keys()].join(', ')
    : 'none (import a backend package, e.g. @addax/backend-cpu)';
}

function requested(): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const name = env?.ADDAX_BACKEND;
  return name === undefined || name === '' ? undefined : name;
}

/**
 * Switches the backend operations run on, starting it if needed. Throws a BackendError saying why
 * if it is not registered or cannot start; never switches to another backend instead.
 */
export function setBackend(name: string): Backend {
  const entry = entries.get(name);
  if (!entry)
    throw new BackendError(`setBackend: no backend named '${name}'; registered: ${registeredNames()}`);
  const backend = start(entry);
  current = entry;
  return backend;
}

/**
 * The backend operations run on. On first use this is the backend named by `ADDAX_BACKEND` (an
 * error if it cannot start), else the highest-priority registered backend that starts.
 */
export function getBackend(): Backend {
  const override = overrides.at(-1);
  if (override) return override;
  if (current) return current.instance!;
  const asked = requested();
  if (asked !== undefined) {
    if (!entries.has(asked)) {
      throw new BackendError(
        `ADDAX_BACKEND=${asked}, but no backend by that name is registered; registered: ${registeredNames()}`,
      );
    }
    return setBackend(asked);
  }
  const byPriority = [...entries.values()].sort((a, b) => b.priority - a.priority);
  for (const entry of byPriority) {
    try {
      return setBackend(entry.name);
    } catch {
      // Recorded on the entry; listBackends() reports why.
    }
  }
  const failures = byPriority.map((e) => `${e.name}: ${e.error}`).join('; ');
  throw new BackendError(
    entries.size
      ? `no registered backend could start (${failures})`
      : `no backend is registered: ${registeredNames()}`,
  );
}

/** Every registered backend with its priority, status and, if it failed to start, why. */
export function listBackends(): BackendStatus[] {
  return [...entries.values()]
    .sort((a, b) => b.priority - a.priority)
    .map((e) => ({
      name: e.name,
      priority: e.priority,
      status: e.instance ? 'ready' : e.error !== undefined ? 'failed' : 'registered',
      ...(e.error !== undefined ? { error: e.error } : {}),
      ...(e.instance?.description !== undefined ? { description: e.instance.description } : {}),
      current: e === current,
    }));
}

/** The started backend registered under `name` (starting it if needed), without switching to it. */
export function findBackend(name: string): Backend {
  const entry = entries.get(name);
  if (!entry) throw new BackendError(`no backend named '${name}'; registered: ${registeredNames()}`);
  return start(entry);
}
