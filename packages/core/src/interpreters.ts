import type { Array } from './array.js';
import { AddaxError } from './errors.js';
import { EvalTrace } from './eval.js';
import type { Primitive } from './primitive.js';
import { Tracer, type MainTrace, type Trace, type TraceClass } from './trace.js';

const stack: MainTrace[] = [{ level: 0, traceType: EvalTrace, globalData: undefined }];
let dynamic: MainTrace = stack[0]!;
/** For each level, the dynamic level that was current when it was pushed. */
const dynamicBelow = new WeakMap<MainTrace, MainTrace>();

/**
 * Pushes a new interpreter level for the duration of `fn` (JAX's `new_main`). With `dynamic`,
 * every primitive bound meanwhile goes through this level even if none of its operands is one of
 * its tracers (how staging captures constants made inside a traced function).
 */
export function withMainTrace<T>(
  traceType: TraceClass,
  globalData: unknown,
  fn: (main: MainTrace) => T,
  options: { dynamic?: boolean } = {},
): T {
  const main: MainTrace = { level: stack.length, traceType, globalData };
  stack.push(main);
  const previousDynamic = dynamic;
  dynamicBelow.set(main, previousDynamic);
  if (options.dynamic) dynamic = main;
  try {
    return fn(main);
  } finally {
    dynamic = previousDynamic;
    stack.pop();
  }
}

/**
 * Runs `fn` with the dynamic level set to what it was beneath `main`: how a dynamic interpreter
 * (staging, harvest) hands a primitive down to the levels below it without catching it again.
 */
export function withDynamicBelow<T>(main: MainTrace, fn: () => T): T {
  const previous = dynamic;
  dynamic = dynamicBelow.get(main) ?? stack[0]!;
  try {
    return fn();
  } finally {
    dynamic = previous;
  }
}

/** How many interpreters are on the stack above eager evaluation. */
export function transformationDepth(): number {
  return stack.length - 1;
}

/** The innermost interpreter level, the one a primitive with no traced operands goes to. */
export function currentDynamic(): MainTrace {
  return dynamic;
}

function escaped(x: Tracer): AddaxError {
  return new AddaxError(
    `a traced value (${x.aval.toString()}) escaped the transformation that made it and was used after it ended; ` +
      'return values from transformed functions instead of storing them outside',
  );
}

/** The eager level's trace: it holds nothing but its level, so one serves every bind. */
const evalTrace = new EvalTrace(stack[0]!);

function findTopTrace(operands: readonly Array[]): Trace {
  let top = dynamic;
  for (const x of operands) {
    if (!(x instanceof Tracer)) continue;
    const { main } = x.trace;
    if (stack[main.level] !== main) throw escaped(x);
    if (main.level > top.level) top = main;
  }
  return top === stack[0] ? evalTrace : new top.traceType(top);
}

/** Raises `x` to `trace`'s level, or explains a tracer that escaped its transformation. */
export function fullRaise(trace: Trace, x: Array): Array {
  if (!(x instanceof Tracer)) return trace.pure(x);
  if (x.trace.main === trace.main) return x;
  if (x.trace.main.level < trace.main.level) return trace.lift(x);
  throw escaped(x);
}

/**
 * Applies a primitive: runs its params rule once, then hands it to the innermost interpreter that
 * owns one of the operands (or the dynamic one). Every operation in Addax goes through here.
 *
 * @example
 * ```ts
 * const [y] = ax.bind(ax.primitives.exp, [ax.array([0, 1])], {});
 * ```
 */
export function bind<P>(prim: Primitive<P>, operands: readonly Array[], params: P): Array[] {
  const canonical = prim.params
    ? prim.params(
        params,
        operands.map((x) => x.aval),
      )
    : params;
  const trace = findTopTrace(operands);
  // At the eager level no operand is a tracer (any tracer would have made its level the top), so
  // none needs raising.
  const raised = trace === evalTrace ? operands : operands.map((x) => fullRaise(trace, x));
  return trace.processPrimitive(prim, raised, canonical);
}

/** {@link bind} for a primitive with exactly one output. */
export function bind1<P>(prim: Primitive<P>, operands: readonly Array[], params: P): Array {
  return bind(prim, operands, params)[0]!;
}
