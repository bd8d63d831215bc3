import * as ax from '@addax/core';
import { summaryKey, summaryValue, type SummaryOptions, type Summaries } from './summaries.js';

/** How summaries are filtered: a summary is kept when its verbosity is at most the context's. */
export const SummaryVerbosity = { ERROR: 0, WARNING: 1, INFO: 2, DEBUG: 3 } as const;
export type SummaryVerbosity = (typeof SummaryVerbosity)[keyof typeof SummaryVerbosity];

/** What a {@link withContext} block sets (Pax's `JaxContext.HParams`). */
export interface ContextOptions {
  /** Evaluation mode: dropout off, batch norm on its moving statistics; default false. */
  readonly doEval?: boolean;
  /** Summaries more verbose than this are dropped; default DEBUG (keep all). */
  readonly summaryVerbosity?: SummaryVerbosity;
}

/** The context layers read: its options and the global summaries added under it. */
export interface PaxContext {
  readonly doEval: boolean;
  readonly summaryVerbosity: SummaryVerbosity;
  readonly globalSummaries: Map<string, ax.Array>;
}

const stack: PaxContext[] = [];

/** The innermost context, or the defaults outside any. */
export function currentContext(): PaxContext {
  return (
    stack.at(-1) ?? { doEval: false, summaryVerbosity: SummaryVerbosity.DEBUG, globalSummaries: new Map() }
  );
}

/**
 * Runs `fn` in a context (Pax's `JaxContext.new_context`): unset options are inherited from the
 * enclosing context; global summaries start empty.
 *
 * @example
 * ```ts
 * const y = nn.withContext({ doEval: true }, () => layer.apply(vars, x)); // dropout off
 * ```
 */
export function withContext<T>(options: ContextOptions, fn: (context: PaxContext) => T): T {
  const outer = currentContext();
  const context: PaxContext = {
    doEval: options.doEval ?? outer.doEval,
    summaryVerbosity: options.summaryVerbosity ?? outer.summaryVerbosity,
    globalSummaries: new Map(),
  };
  stack.push(context);
  try {
    return fn(context);
  } finally {
    stack.pop();
  }
}

function requireContext(where: string): PaxContext {
  const context = stack.at(-1);
  if (!context)
    throw new ax.AddaxError(`${where}: global summaries need a context; run inside nn.withContext`);
  return context;
}

/**
 * Adds a summary belonging to no layer (Pax's `add_global_summary`) to the current context, under
 * `/name` with its type's suffix.
 */
export function addGlobalSummary(name: string, value: ax.Array | string, options: SummaryOptions = {}): void {
  const context = requireContext('addGlobalSummary');
  if ((options.verbosity ?? SummaryVerbosity.INFO) > context.summaryVerbosity) return;
  const type = options.type ?? 'scalar';
  const summaries = context.globalSummaries;
  summaries.set(
    summaryKey(`/${name}`, type, (k) => summaries.has(k)),
    summaryValue(name, value, type),
  );
}

/** The global summaries added in the current context so far. */
export function allGlobalSummaries(): Summaries {
  return Object.fromEntries(requireContext('allGlobalSummaries').globalSummaries);
}

/** Forgets the current context's global summaries. */
export function clearGlobalSummaries(): void {
  requireContext('clearGlobalSummaries').globalSummaries.clear();
}
