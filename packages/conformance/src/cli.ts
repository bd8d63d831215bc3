import { runCli } from './cli-main.js';

runCli(process.argv.slice(2), { cwd: process.cwd(), log: console.log, error: console.error }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`addax-conformance: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  },
);
