import type { Array } from '../array.js';
import { ParameterError } from '../errors.js';
import { bind } from '../interpreters.js';
import type { Primitive } from '../primitive.js';
import type { HarvestTrace } from './harvest-trace.js';
import { currentScope } from './scope.js';
import { sowP, type SowParams } from './sow.js';

/** Options shared by {@link reap}, {@link plant} and {@link harvest} (Oryx's `HarvestSettings`). */
export interface HarvestOptions {
  /** Only sows of this tag are harvested. */
  readonly tag: string;
  /** If given, only these names are harvested (and, under {@link nest}, only these scopes). */
  readonly allowlist?: readonly string[];
  /** Names (and scopes) left alone. */
  readonly blocklist?: readonly string[];
  /** Whether sows of other tags are dropped inside `f`, so no harvest below sees them. */
  readonly exclusive?: boolean;
}

/**
 * How a harvest runs a primitive that holds a program (`scan`, `cond`), whose sows the default
 * forwarding would hide from it: the trace the primitive reached, its operands and params.
 */
export type HarvestRule<P = never> = (trace: HarvestTrace, operands: readonly Array[], params: P) => Array[];

/**
 * What one harvest level does with the sows it sees (Oryx's `HarvestContext`): the filtering by
 * tag, allowlist and blocklist is shared; reaping and planting say what `handleSow` does.
 */
export abstract class HarvestContext {
  readonly tag: string;
  readonly exclusive: boolean;
  private readonly allowlist: ReadonlySet<string> | null;
  private readonly blocklist: ReadonlySet<string>;
  /**
   * @param base - the nest scopes around the harvest when it started: sows see only the scopes
   *   added inside. A harvest of a loop body inherits its parent's, so paths agree.
   */
  constructor(
    readonly options: HarvestOptions,
    readonly base: readonly string[] = currentScope(),
  ) {
    const { tag, allowlist, blocklist = [], exclusive = false } = options;
    if (typeof tag !== 'string' || tag === '') {
      throw new ParameterError(`harvest: tag must be a non-empty string, got ${String(tag)}`);
    }
    this.tag = tag;
    this.exclusive = exclusive;
    this.allowlist = allowlist ? new Set(allowlist) : null;
    this.blocklist = new Set(blocklist);
  }

  /** The custom rule of `prim` under this kind of harvest, if it has one. */
  abstract ruleFor<P>(prim: Primitive<P>): HarvestRule<P> | undefined;

  /**
   * Handles a sow of this harvest's tag that passed the filters. `path` is its scopes relative to
   * the harvest, then its name. Runs with the levels below this harvest current.
   */
  protected abstract handleSow(values: readonly Array[], path: readonly string[], params: SowParams): Array[];

  /** A sow that reached this harvest; runs with the levels below it current. */
  processSow(values: readonly Array[], params: SowParams): Array[] {
    if (params.tag !== this.tag) return this.exclusive ? [...values] : bind(sowP, values, params);
    const path = [...this.relative(params.scope), params.name];
    // As Oryx, a name the lists exclude is dropped, not handed further down.
    if (!path.every((p) => this.admits(p))) return [...values];
    return this.handleSow(values, path, params);
  }

  private admits(name: string): boolean {
    return (this.allowlist === null || this.allowlist.has(name)) && !this.blocklist.has(name);
  }

  private relative(scope: readonly string[]): readonly string[] {
    const inside = scope.length >= this.base.length && this.base.every((s, i) => scope[i] === s);
    return inside ? scope.slice(this.base.length) : scope;
  }
}

/** A name with its scopes, as error messages show it: `a/b/name`. */
export function pathName(path: readonly string[]): string {
  return path.join('/');
}

/** A name with its scopes as a map key (unambiguous, unlike {@link pathName}). */
export function pathKey(path: readonly string[]): string {
  return JSON.stringify(path);
}

/** An object with each value at its path (scopes, then name): reaped values, or plants. */
export function atPaths(
  entries: readonly (readonly [readonly string[], unknown])[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of entries) {
    let node = out;
    for (const scope of path.slice(0, -1)) node = (node[scope] ??= {}) as Record<string, unknown>;
    node[path.at(-1)!] = value;
  }
  return out;
}
