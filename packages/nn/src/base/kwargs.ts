import type * as ax from '@addax/core';

/**
 * Keyword arguments of a layer call. `rng` is the one array among them: it is traced, and split
 * per child by `Serial`; every other value is static (part of the primitive's params).
 */
export interface LayerKwargs {
  readonly rng?: ax.Array;
  readonly training?: boolean;
  readonly [key: string]: unknown;
}

/** Which keyword arguments a layer method takes: a list of names, or `'all'` to pass everything on. */
export type AcceptedKwargs = readonly string[] | 'all';

/** The keyword arguments among `kwargs` that a method accepting `accepted` takes (Oryx's `filter_kwargs`). */
export function filterKwargs(kwargs: LayerKwargs, accepted: AcceptedKwargs): LayerKwargs {
  if (accepted === 'all') return kwargs;
  return Object.fromEntries(Object.entries(kwargs).filter(([k]) => accepted.includes(k)));
}
