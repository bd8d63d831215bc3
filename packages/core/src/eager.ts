import { Array, formatNested } from './array.js';
import type { ShapeDtype } from './aval.js';
import type { Backend } from './backend.js';
import { itemSize, type TypedArray } from './dtype.js';
import { AddaxError, BackendError } from './errors.js';
import { Tracer } from './trace.js';
import { leaves } from './tree/pytree.js';

/** Live buffers and their bytes on one backend. */
export interface MemoryInfo {
  buffers: number;
  bytes: number;
}

const live = new Map<string, MemoryInfo>();
const scopes: Set<EagerArray>[] = [];

/** A concrete array: an abstract value plus the buffer a backend holds for it. */
export class EagerArray extends Array {
  #buffer: unknown;
  #disposed = false;

  constructor(
    readonly aval: ShapeDtype,
    readonly backend: Backend,
    buffer: unknown,
  ) {
    super();
    this.#buffer = buffer;
    const info = live.get(backend.name) ?? { buffers: 0, bytes: 0 };
    info.buffers += 1;
    info.bytes += aval.size * itemSize(aval.dtype);
    live.set(backend.name, info);
    scopes.at(-1)?.add(this);
  }

  /** The backend's buffer; an error if the array was disposed. */
  get buffer(): unknown {
    if (this.#disposed) {
      throw new AddaxError(`an array ${this.aval.describe()} was used after dispose()`);
    }
    return this.#buffer;
  }

  override async data(): Promise<TypedArray> {
    return this.backend.read(this.buffer, this.dtype, this.shape);
  }

  override dataSync(): TypedArray {
    const { readSync } = this.backend;
    if (!readSync) {
      throw new BackendError(`backend '${this.backend.name}' cannot read synchronously; use await x.data()`);
    }
    return readSync.call(this.backend, this.buffer, this.dtype, this.shape);
  }

  override dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.backend.dispose(this.#buffer);
    this.#buffer = undefined;
    const info = live.get(this.backend.name)!;
    info.buffers -= 1;
    info.bytes -= this.aval.size * itemSize(this.aval.dtype);
  }

  override get isDisposed(): boolean {
    return this.#disposed;
  }

  override toString(): string {
    if (this.#disposed) return `Array(<disposed>, shape=[${this.shape.join(', ')}], dtype=${this.dtype})`;
    if (!this.backend.readSync) return `Array(shape=[${this.shape.join(', ')}], dtype=${this.dtype})`;
    return `Array(${formatNested(this.arraySync(), this.dtype)}, dtype=${this.dtype})`;
  }
}

/**
 * Live buffers and bytes, per backend name, counted by core as arrays are made and disposed.
 *
 * @example
 * ```ts
 * const before = ax.memory().cpu?.buffers ?? 0;
 * ax.tidy(() => ax.ones([4]).add(1));   // the result is not kept, so it is freed too
 * ax.memory().cpu?.buffers === before;  // true
 * ```
 */
export function memory(): Record<string, MemoryInfo> {
  const out: Record<string, MemoryInfo> = {};
  for (const [name, info] of live) out[name] = { ...info };
  return out;
}

/** Every concrete array in a pytree, including those inside tracers (a jvp tracer's primal). */
export function collectArrays(value: unknown, into: Set<EagerArray>): void {
  // Most results are one array: no need to flatten them as a pytree.
  if (value instanceof EagerArray) {
    into.add(value);
    return;
  }
  for (const leaf of leaves(value)) {
    if (leaf instanceof EagerArray) into.add(leaf);
    else if (leaf instanceof Tracer) collectArrays(leaf.heldValues(), into);
  }
}

/**
 * Runs `fn` and disposes every array it made that is not part of its result (arrays nested in
 * the returned objects and lists are kept). Synchronous only: a Promise result is an error, since
 * the scope would close before the work ran.
 *
 * @example
 * ```ts
 * const y = ax.tidy(() => ax.exp(ax.arange(4)).sum()); // the exp intermediate is freed
 * ```
 */
export function tidy<T>(fn: () => T): T {
  const scope = new Set<EagerArray>();
  scopes.push(scope);
  let result: T;
  try {
    result = fn();
    if (result instanceof Promise) {
      throw new AddaxError('tidy(fn): fn returned a Promise; tidy scopes are synchronous');
    }
  } catch (e) {
    for (const a of scope) a.dispose();
    throw e;
  } finally {
    scopes.pop();
  }
  const kept = new Set<EagerArray>();
  collectArrays(result, kept);
  const parent = scopes.at(-1);
  for (const a of scope) {
    if (kept.has(a)) parent?.add(a);
    else a.dispose();
  }
  return result;
}

/**
 * Wraps a compound operation so that the intermediates it makes are freed when it returns (as every
 * TensorFlow.js op does): callers that never use {@link tidy} still leak nothing.
 */
export function op<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args) => tidy(() => fn(...args));
}

/** Exempts `x` from the enclosing {@link tidy} scopes, for arrays a scope must not free. */
export function keep<T extends Array>(x: T): T {
  if (x instanceof EagerArray) for (const s of scopes) s.delete(x);
  return x;
}

/** How many {@link tidy} scopes are open: a transformation notes it before tracing. */
export function scopeDepth(): number {
  return scopes.length;
}

/**
 * Hands an array captured by a trace (an IR constant, a residual) to its new owner. If it was made
 * inside the scopes opened since `depth`, it is taken out of them, so they do not free what the
 * traced program still needs, and is either given to the scope enclosing the transformation
 * (`to: 'enclosing'`, freed with it) or to nobody (`to: 'caller'`, e.g. a jit cache that frees it
 * itself). Returns whether it was made there: arrays from before the trace belong to the user.
 */
export function adoptConst(x: EagerArray, depth: number, to: 'enclosing' | 'caller'): boolean {
  let made = false;
  for (let i = depth; i < scopes.length; i++) made = scopes[i]!.delete(x) || made;
  if (made && to === 'enclosing') scopes[depth - 1]?.add(x);
  return made;
}

/**
 * Whether `x` belongs to the innermost open {@link tidy} scope: made there and not claimed since
 * (returned through an inner scope counts as made there; `keep` or a reap claims it).
 */
export function ownedByCurrentScope(x: Array): boolean {
  return x instanceof EagerArray && (scopes.at(-1)?.has(x) ?? false);
}
