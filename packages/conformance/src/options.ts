import type * as ax from '@addax/core';
import type { Env } from './config.js';
import { LAW_CASES } from './laws/cases.js';
import { lawsOf, type LawCase, type LawName } from './laws/law-case.js';
import { NN_LAYER_CASES } from './layers/cases.js';
import { LAYER_LAWS } from './layers/layer-case.js';
import { PRIMITIVE_SPECS } from './primitives/index.js';
import type { PrimitiveSpec } from './primitives/spec.js';

/**
 * What `runConformance` and `checkBackend` check, and how. `B` is the backend's buffer type.
 */
export interface ConformanceOptions<B = unknown> {
  /**
   * The backend under test: its factory (registered under `name` unless a backend is already
   * registered under that name, as when a package registers itself on import), or the name of a
   * registered backend.
   */
  readonly backend: ax.BackendFactory<B> | string;
  /** The name the factory's backend registers under; required with a factory. */
  readonly name?: string;
  /** fast-check's seed; default `ADDAX_CONFORMANCE_SEED`, else a fixed seed (printed on failure). */
  readonly seed?: number;
  /** Cases per property; default `NUM_RUNS`, else 50 (use 1000 for nightly runs). */
  readonly numRuns?: number;
  /**
   * Where `ADDAX_CONFORMANCE_SEED` and `NUM_RUNS` are read; default `process.env`. A browser has
   * none: a vitest browser-mode test passes `import.meta.env`, which holds the config's `test.env`.
   */
  readonly env?: Env;
  /** Check only these primitives and law cases (by name). */
  readonly only?: readonly string[];
  /** Leave out these primitives and law cases (by name); the matrix lists them as skipped. */
  readonly skip?: readonly string[];
  /** Whether to check the transformation laws; default true. */
  readonly laws?: boolean;
  /**
   * More layer suites: functions running a layer (its `callAndUpdate`, parameters and inputs as
   * arguments; `layerCase` builds one), checked with the `reference` and `grad` laws unless they
   * name others. They run after `NN_LAYER_CASES` (the cases of every `@addax/nn` layer, which run
   * whenever the laws do), not instead of them; `only` and `skip` select among both by name, as
   * among everything else.
   */
  readonly layers?: readonly LawCase[];
}

/** One law applied to one case. */
export interface LawCheck {
  readonly lawCase: LawCase;
  readonly law: LawName;
}

/** The checks a run makes, in order, and the names left out. */
export interface Plan {
  readonly primitives: readonly PrimitiveSpec[];
  readonly laws: readonly LawCheck[];
  readonly skipped: readonly string[];
}

/**
 * The checks `options` select: every primitive spec and, unless `laws` is false, every law case
 * (the built-in ones, the `@addax/nn` layer suites and `layers`) with each law that applies to it.
 *
 * @example
 * ```ts
 * planChecks({ backend: 'mine', only: ['add', 'dense-tanh'] }).primitives.length; // 1
 * ```
 */
export function planChecks<B>(options: ConformanceOptions<B>): Plan {
  const wanted = (name: string): boolean =>
    (options.only === undefined || options.only.includes(name)) && !(options.skip ?? []).includes(name);
  const layers = (options.layers ?? []).map((l) => (l.laws ? l : { ...l, laws: LAYER_LAWS }));
  const cases = options.laws === false ? [] : [...LAW_CASES, ...NN_LAYER_CASES, ...layers];
  const names = [...PRIMITIVE_SPECS.map((s) => s.name), ...cases.map((c) => c.name)];
  return {
    primitives: PRIMITIVE_SPECS.filter((s) => wanted(s.name)),
    laws: cases
      .filter((c) => wanted(c.name))
      .flatMap((lawCase) => lawsOf(lawCase).map((law) => ({ lawCase, law }))),
    skipped: names.filter((n) => (options.skip ?? []).includes(n)),
  };
}
