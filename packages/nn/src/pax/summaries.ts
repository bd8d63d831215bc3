import * as ax from '@addax/core';
import type { SummaryVerbosity } from './context.js';

/** The kinds of summary; the kind is the key's suffix (`loss_scalar`). */
export type SummaryType = 'scalar' | 'image' | 'histogram' | 'text';

/** Options of `addSummary` and `addGlobalSummary`. */
export interface SummaryOptions {
  /** Default `scalar`. */
  readonly type?: SummaryType;
  /** Kept only if at most the context's `summaryVerbosity`; default INFO. */
  readonly verbosity?: SummaryVerbosity;
}

/** Summaries by key (`name_type`, a counter before the suffix when a name repeats). */
export type Summaries = Record<string, ax.Array>;

/** The key `name` gets beside the keys `taken` says exist: Pax numbers repeats `name1`, `name2`, ... */
export function summaryKey(name: string, type: SummaryType, taken: (key: string) => boolean): string {
  let key = `${name}_${type}`;
  for (let i = 1; taken(key); i++) key = `${name}${i}_${type}`;
  return key;
}

/**
 * The array a summary stores: a scalar must be one number, an image `[h, w, c]` gains a batch axis
 * and must then be `[n, h, w, c]`, a text is its UTF-8 bytes (int32), so that summaries stay arrays
 * that pass through `jit` and `vmap` ({@link summaryText} reads one back).
 */
export function summaryValue(name: string, value: ax.Array | string, type: SummaryType): ax.Array {
  if (type === 'text') {
    if (typeof value !== 'string') {
      throw new ax.ParameterError(
        `addSummary '${name}': a text summary takes a string, got ${String(value)}`,
      );
    }
    return ax.array(globalThis.Array.from(new TextEncoder().encode(value)), 'int32');
  }
  if (!(value instanceof ax.Array)) {
    throw new ax.ParameterError(
      `addSummary '${name}': a ${type} summary takes an array, got ${String(value)}`,
    );
  }
  if (type === 'scalar' && value.ndim !== 0) {
    throw new ax.ShapeError(
      `addSummary '${name}': a scalar summary must be a scalar, got ${value.aval.describe()}`,
    );
  }
  if (type === 'image') {
    const image = value.ndim === 3 ? ax.expandDims(value, 0) : value;
    if (image.ndim !== 4) {
      throw new ax.ShapeError(
        `addSummary '${name}': an image summary is [h, w, c] or [n, h, w, c], got ${value.aval.describe()}`,
      );
    }
    return image;
  }
  return value;
}

/**
 * The string a text summary holds.
 *
 * @example
 * ```ts
 * nn.summaryText(updated.summaries.note_text); // 'hello'
 * ```
 */
export function summaryText(value: ax.Array): string {
  return new TextDecoder().decode(Uint8Array.from(value.dataSync() as Int32Array));
}
