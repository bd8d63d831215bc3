import { initBackends } from './backends.js';
import { environment } from './environment.js';
import { formatTable, formatTargets, writeResults } from './report.js';
import { runEntry } from './run.js';
import { conv2dEntries } from './suites/conv2d.js';
import { eagerOverheadEntries } from './suites/eager-overhead.js';
import { fusionEntries } from './suites/fusion.js';
import { gpujsEntries } from './suites/gpujs.js';
import { jitMlpEntries } from './suites/jit-mlp.js';
import { matmulEntries } from './suites/matmul.js';
import { jitTraceEntries } from './suites/jit-trace.js';
import { trainStepEntries } from './suites/train-step.js';
import { vmapEntries } from './suites/vmap.js';
import { checkTargets } from './targets.js';
import type { Entry, EntryResult } from './types.js';

/** Every suite by name; add a suite here to have `pnpm bench` run and report it. */
const SUITES: Record<string, () => Entry[]> = {
  matmul: () => matmulEntries(),
  conv2d: () => conv2dEntries(),
  'eager-overhead': () => eagerOverheadEntries(),
  fusion: () => fusionEntries(),
  'jit-mlp': () => jitMlpEntries(),
  'train-step': () => trainStepEntries(),
  vmap: () => vmapEntries(),
  'jit-trace': () => jitTraceEntries(),
  gpujs: () => gpujsEntries(),
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => a !== '--');
  const unknown = asked.filter((name) => !(name in SUITES));
  if (unknown.length > 0) {
    throw new Error(`unknown suite(s) ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  }
  const env = environment(await initBackends());
  console.log(`${env.cpu} (${env.cores} cores), Node ${env.node}, Addax from ${env.addaxBuild}`);
  const names = asked.length > 0 ? asked : Object.keys(SUITES);
  const results: EntryResult[] = [];
  for (const name of names) {
    for (const entry of SUITES[name]!()) {
      const start = performance.now();
      results.push(await runEntry(entry));
      console.log(`  ${entry.suite} ${entry.name}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
  }
  const targets = checkTargets(results);
  console.log(`\n${formatTable(results)}\n\n${formatTargets(targets)}\n`);
  for (const file of writeResults(new URL('../results/', import.meta.url), env, results, targets))
    console.log(`wrote ${file}`);
}

await main();
