import type { HostArray } from './host.js';

/** A number as a failure message shows it: `-0` and `NaN` spelled out. */
export function formatNumber(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** `float32[2,3]`. */
export function formatAval(x: { readonly dtype: string; readonly shape: readonly number[] }): string {
  return `${x.dtype}[${x.shape.join(',')}]`;
}

/** The first `limit` elements of `x` (row-major), with a count of those left out. */
export function formatElements(x: HostArray, limit = 64): string {
  const shown = Array.from(x.data.subarray(0, limit), formatNumber).join(', ');
  const rest = x.data.length - limit;
  return `[${shown}${rest > 0 ? `, ... ${rest} more` : ''}]`;
}

/** `float32[2] [1, NaN]`: how a counterexample's operands are printed. */
export function formatHost(x: HostArray): string {
  return `${formatAval(x)} ${formatElements(x)}`;
}

/** Parameters as a compact literal (`{ axes: [0, 2], fillValue: NaN }`), numbers as {@link formatNumber}. */
export function formatValue(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v);
  if (Array.isArray(v)) return `[${v.map(formatValue).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v).map(([k, e]) => `${k}: ${formatValue(e)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return typeof v === 'string' ? `'${v}'` : String(v);
}

/** The row-major index of flat position `i` in `shape`, as `[1, 0, 2]`. */
export function formatIndex(i: number, shape: readonly number[]): string {
  const index: number[] = [];
  let rest = i;
  for (let a = shape.length - 1; a >= 0; a--) {
    const d = shape[a]!;
    index.unshift(rest % d);
    rest = Math.floor(rest / d);
  }
  return `[${index.join(', ')}]`;
}
