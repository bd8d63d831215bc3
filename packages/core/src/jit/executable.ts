import type { Array } from '../array.js';
import { evalIR } from '../ir/eval-ir.js';
import type { IR } from '../ir/ir.js';

/** A staged program prepared to run many times: what jit caches per input signature. */
export class Executable {
  constructor(readonly ir: IR) {}

  /** Runs the program on concrete inputs; intermediates are freed after their last use. */
  run(args: readonly Array[]): Array[] {
    return evalIR(this.ir, args);
  }
}
