/**
 * The state of a layer, in three parts (Oryx's `LayerParams`): `params` are what gradients are
 * taken with respect to, `state` is numerical but not differentiated (running averages: it is
 * stop-gradiented before every call), and `info` is static configuration.
 */
export interface LayerParams<P = unknown, S = unknown, I = unknown> {
  readonly params: P;
  readonly state: S;
  readonly info: I;
}

/** An empty part of a {@link LayerParams}: no leaves. */
export type Empty = Readonly<Record<string, never>>;

/**
 * A {@link LayerParams} with the parts not given empty.
 *
 * @example
 * ```ts
 * nn.layerParams({ params: { kernel, bias } }); // state and info empty
 * ```
 */
export function layerParams<P = Empty, S = Empty, I = Empty>(
  parts: Partial<LayerParams<P, S, I>> = {},
): LayerParams<P, S, I> {
  return {
    params: parts.params ?? ({} as P),
    state: parts.state ?? ({} as S),
    info: parts.info ?? ({} as I),
  };
}
