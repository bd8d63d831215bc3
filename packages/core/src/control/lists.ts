/** `count` copies of `value`: the linear flags of a run of operands. */
export function flags(count: number, value: boolean): boolean[] {
  return new globalThis.Array<boolean>(count).fill(value);
}

/** Whether two flag lists are equal. */
export function sameFlags(a: readonly boolean[], b: readonly boolean[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The integers `lo, lo + 1, ..., hi - 1`: positions of a run of operands. */
export function indices(lo: number, hi: number): number[] {
  return globalThis.Array.from({ length: Math.max(0, hi - lo) }, (_, i) => lo + i);
}

/** `list` cut into consecutive runs of the given sizes (the rest, if any, is dropped). */
export function splitList<T>(list: readonly T[], sizes: readonly number[]): T[][] {
  let start = 0;
  return sizes.map((size) => list.slice(start, (start += size)));
}
