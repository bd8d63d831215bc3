import { ParameterError } from '../errors.js';

const scopes: string[] = [];

/** The scopes of the {@link nest} calls now running, outermost first. */
export function currentScope(): readonly string[] {
  return [...scopes];
}

/** Options of {@link nest}. */
export interface NestOptions {
  /** The key under which the names sown inside are reaped (and looked up when planting). */
  readonly scope: string;
}

/**
 * Scopes the names sown inside `f` (Oryx's `nest`): a harvest reaps them as a nested object under
 * `scope`, and plants them from `plants[scope]`, so the same name can be sown in different scopes.
 * The scope is relative to the harvest: `nest(reap(f), ...)` reaps `f`'s names unscoped. Two calls
 * of the same scope share it. Outside a harvest `nest(f)` is `f`.
 *
 * @example
 * ```ts
 * const layer = (x: ax.Array) => ax.sow(x.mul(2), { tag: 'act', name: 'out' });
 * const net = (x: ax.Array) => ax.nest(layer, { scope: 'l2' })(ax.nest(layer, { scope: 'l1' })(x));
 * const [, acts] = ax.reap(net, { tag: 'act' })(ax.ones([2])); // { l1: { out }, l2: { out } }
 * ```
 */
export function nest<A extends unknown[], R>(
  f: (...args: A) => R,
  { scope }: NestOptions,
): (...args: A) => R {
  if (typeof scope !== 'string' || scope === '') {
    throw new ParameterError(`nest: scope must be a non-empty string, got ${String(scope)}`);
  }
  return (...args) => {
    scopes.push(scope);
    try {
      return f(...args);
    } finally {
      scopes.pop();
    }
  };
}
