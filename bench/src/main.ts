import { initCpuBackends } from './backends.js';
import { environment } from './environment.js';
import { formatTable, writeResults } from './report.js';
import { runEntry } from './run.js';
import { jitMlpEntries } from './suites/jit-mlp.js';
import { matmulEntries } from './suites/matmul.js';
import type { Entry } from './types.js';

/** Every suite by name; add a suite here to have `pnpm bench` run and report it. */
const SUITES: Record<string, () => Entry[]> = {
  matmul: () => matmulEntries(),
  'jit-mlp': () => jitMlpEntries(),
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((a) => a !== '--');
  const unknown = asked.filter((name) => !(name in SUITES));
  if (unknown.length > 0) {
    throw new Error(`unknown suite(s) ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  }
  const env = environment(await initCpuBackends());
  console.log(`${env.cpu} (${env.cores} cores), Node ${env.node}, Addax from ${env.addaxBuild}`);
  const names = asked.length > 0 ? asked : Object.keys(SUITES);
  const results = names.flatMap((name) =>
    SUITES[name]!().map((entry) => {
      const result = runEntry(entry);
      console.log(`  ${entry.suite} ${entry.name}: done`);
      return result;
    }),
  );
  console.log(`\n${formatTable(results)}\n`);
  for (const file of writeResults(new URL('../results/', import.meta.url), env, results))
    console.log(`wrote ${file}`);
}

await main();
