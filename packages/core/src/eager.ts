import { Array, formatNested } from './array.js';
import type { ShapeDtype } from './aval.js';
import type { Backend } from './backend.js';
import { itemSize, type TypedArray } from './dtype.js';
import { AddaxError, BackendError } from './errors.js';

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

/** Every concrete array in a pytree-like value: arrays, plain objects and JS arrays of them. */
function collectArrays(value: unknown, into: Set<EagerArray>): void {
  if (value instanceof EagerArray) into.add(value);
  else if (globalThis.Array.isArray(value)) for (const v of value) collectArrays(v, into);
  else if (value !== null && typeof value === 'object' && !(value instanceof Array)) {
    for (const v of Object.values(value)) collectArrays(v, into);
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
