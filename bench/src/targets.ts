import type { EntryResult } from './types.js';

/** A goal of the performance issue: `lane` against `versus` in one entry, as a speed ratio. */
export interface Target {
  readonly label: string;
  readonly suite: string;
  /** A part of the entry's name that picks it out within its suite. */
  readonly entry: string;
  readonly lane: string;
  readonly versus: string;
  readonly goal: string;
  /** Whether the ratio (versus's median time over lane's; above 1 is faster) meets the goal. */
  readonly met: (ratio: number) => boolean;
}

export interface TargetResult {
  readonly label: string;
  readonly goal: string;
  /** `-` when the entry or a lane did not run. */
  readonly verdict: 'PASS' | 'MISS' | '-';
  readonly ratio: number;
}

const atLeast = (min: number) => (ratio: number) => ratio >= min;

/** The targets of the performance issue: on the CPU backends, and on WebGL where it is installed. */
export const TARGETS: readonly Target[] = [
  {
    label: 'matmul 512: addax-cpu vs tfjs-cpu',
    suite: 'matmul',
    entry: '512x512',
    lane: 'addax-cpu',
    versus: 'tfjs-cpu',
    goal: '>= 3x',
    met: atLeast(3),
  },
  {
    label: 'conv2d: addax-cpu vs tfjs-cpu',
    suite: 'conv2d',
    entry: 'batch 32',
    lane: 'addax-cpu',
    versus: 'tfjs-cpu',
    goal: '>= 2x',
    met: atLeast(2),
  },
  {
    label: 'eager per-op overhead: addax-cpu vs tfjs-cpu',
    suite: 'eager-overhead',
    entry: 'add',
    lane: 'addax-cpu',
    versus: 'tfjs-cpu',
    goal: '>= 1x (no more time per op)',
    met: atLeast(1),
  },
  {
    label: 'eager per-op overhead: addax-webgl vs tfjs-webgl',
    suite: 'eager-overhead',
    entry: 'add',
    lane: 'addax-webgl',
    versus: 'tfjs-webgl',
    goal: '>= 1x (no more time per op)',
    met: atLeast(1),
  },
  {
    label: 'fusion: addax-jit vs addax-eager',
    suite: 'fusion',
    entry: 'chain',
    lane: 'addax-jit',
    versus: 'addax-eager',
    goal: '>= 3x',
    met: atLeast(3),
  },
  {
    label: 'fusion on webgl: addax-webgl-jit vs tfjs-webgl',
    suite: 'fusion',
    entry: 'chain',
    lane: 'addax-webgl-jit',
    versus: 'tfjs-webgl',
    goal: '>= 2x',
    met: atLeast(2),
  },
  {
    label: 'MLP train step: addax-jit vs tfjs-cpu',
    suite: 'train-step',
    entry: 'MLP',
    lane: 'addax-jit',
    versus: 'tfjs-cpu',
    goal: '>= 1.5x',
    met: atLeast(1.5),
  },
  {
    label: 'CNN train step: addax-jit vs tfjs-cpu',
    suite: 'train-step',
    entry: 'CNN',
    lane: 'addax-jit',
    versus: 'tfjs-cpu',
    goal: '>= 1.5x',
    met: atLeast(1.5),
  },
  ...(['MLP', 'CNN'] as const).map((model) => ({
    label: `${model} train step on webgl: addax-webgl-jit vs tfjs-webgl`,
    suite: 'train-step',
    entry: model,
    lane: 'addax-webgl-jit',
    versus: 'tfjs-webgl',
    goal: '>= 1x (not slower)',
    met: atLeast(1),
  })),
  ...(['eager', 'jit'] as const).map((mode) => ({
    label: `vmap vs hand-batched (${mode})`,
    suite: 'vmap',
    entry: mode,
    lane: 'vmap',
    versus: 'hand-batched',
    goal: 'within 10% (0.9x to 1.1x)',
    met: (ratio: number) => Math.abs(ratio - 1) <= 0.1,
  })),
];

/**
 * Each target's ratio from the results, with PASS/MISS, or `-` when it was not measured.
 *
 * @example
 * ```ts
 * checkTargets(results).filter((t) => t.verdict === 'MISS');
 * ```
 */
export function checkTargets(results: readonly EntryResult[], targets = TARGETS): TargetResult[] {
  return targets.map((t) => {
    const entry = results.find((r) => r.suite === t.suite && r.name.includes(t.entry));
    const median = (lane: string): number =>
      entry?.lanes.find((l) => l.lane === lane && l.status === 'ok')?.medianMs ?? NaN;
    const ratio = median(t.versus) / median(t.lane);
    const verdict = Number.isFinite(ratio) ? (t.met(ratio) ? 'PASS' : 'MISS') : '-';
    return { label: t.label, goal: t.goal, verdict, ratio };
  });
}
