import { batchRules } from './batching/rules/index.js';
import { jvpRules, transposeRules } from './ad/rules/index.js';
import { defineBatch, defineJvp, defineTranspose, lookupPrimitive, type Primitive } from './primitive.js';

// Gives core's primitives their rules. The tables are typed exhaustively (see ad/rules/index.ts and
// batching/rules/index.ts), so a built-in primitive without a jvp or batch rule, or a linear one
// without a transpose rule, does not compile.
function install<R>(
  table: Readonly<Record<string, R>>,
  define: (prim: Primitive<never>, rule: R) => void,
): void {
  for (const [name, rule] of Object.entries(table)) define(lookupPrimitive(name)!, rule);
}

install(jvpRules, (p, r) => defineJvp<never>(p, r));
install(transposeRules, (p, r) => defineTranspose<never>(p, r));
install(batchRules, (p, r) => defineBatch<never>(p, r));
