import { sameFlags } from './lists.js';

/**
 * The least flags over a loop's carry that a body keeps (JAX's fixed points in `_scan_jvp`,
 * `_scan_batching_rule` and `_while_loop_batching_rule`): which carry tangents are nonzero, or
 * which carry entries are batched. Starting from the initial carry's flags, an entry is set once
 * the body, run with the current flags, sets it at its carry output. `run(flags)` transforms the
 * body with those flags; `outFlags` reads the carry outputs' flags from the result, which must
 * include the input flags (the caller instantiates them). Returns the flags and the last result.
 */
export function carryFixedPoint<R>(
  init: readonly boolean[],
  run: (flags: readonly boolean[]) => R,
  outFlags: (result: R) => readonly boolean[],
): { readonly flags: boolean[]; readonly result: R } {
  let flags = [...init];
  for (;;) {
    const result = run(flags);
    const out = outFlags(result).slice(0, flags.length);
    if (sameFlags(out, flags)) return { flags, result };
    flags = flags.map((b, i) => b || out[i]!);
  }
}
