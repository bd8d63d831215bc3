import fc from 'fast-check';
import * as ax from '@addax/core';
import { ensureReference, REFERENCE } from './backends.js';
import { compareOutput } from './compare.js';
import type { RunSettings } from './config.js';
import { errorText, failureReport, isMissingKernel } from './failure.js';
import { formatHost, formatValue } from './format.js';
import { runOn, upload, type HostArray } from './host.js';
import type { Outcome } from './outcome.js';
import type { Case, PrimitiveSpec } from './primitives/spec.js';
import { flushSubnormals } from './subnormals.js';

/** `c` with every float32 operand replaced by its absolute value: the terms' magnitudes. */
function absolute(c: Case): Case {
  return {
    ...c,
    operands: c.operands.map((x) => (x.dtype === 'float32' ? { ...x, data: x.data.map(Math.abs) } : x)),
  };
}

/** `c` with its float32 operands' subnormals flushed to zero. */
function flushed(c: Case): Case {
  return { ...c, operands: c.operands.map(flushSubnormals) };
}

function apply(backend: string, prim: ax.Primitive<never>, c: Case): Promise<HostArray[]> {
  return runOn(backend, () => ax.bind(prim, c.operands.map(upload), c.params as never));
}

/** The counterexample as a failure report prints it: operands, then parameters. */
export function describeCase(c: Case): string {
  const operands = c.operands.map((x, i) => `    operand ${i}: ${formatHost(x)}`);
  return [...operands, `    params: ${formatValue(c.params)}`].join('\n');
}

/**
 * Checks one primitive on `backend` against the reference over `settings.numRuns` generated
 * cases: outputs of the same dtype and shape, read back as the dtype's TypedArray, with equal
 * values (NaN positions equal; float32 within the spec's tolerance). Never throws: every finding,
 * the backend's own exceptions included, is in the outcome.
 *
 * @example
 * ```ts
 * const outcome = await checkPrimitive(specFor('add'), 'mine', runSettings());
 * outcome.status; // 'pass', 'cpu fallback', 'decomposed', 'fail' or 'not implemented'
 * ```
 */
export async function checkPrimitive(
  spec: PrimitiveSpec,
  backend: string,
  settings: RunSettings,
): Promise<Outcome> {
  ensureReference();
  const prim = ax.lookupPrimitive(spec.name);
  if (!prim) return { status: 'not implemented', message: `${spec.name}: core defines no such primitive` };
  const hasKernel = ax.findBackend(backend).kernels[spec.name] !== undefined;
  const flushes = ax.findBackend(backend).flushesSubnormals === true;
  if (!hasKernel && !prim.decompose) {
    return {
      status: 'not implemented',
      message: `${spec.name}: backend '${backend}' has no kernel and it has no decomposition`,
    };
  }
  const property = fc.asyncProperty(spec.cases, async (c) => {
    const expected = await apply(REFERENCE, prim, c).catch((e: unknown) => {
      throw new Error(`the reference rejected this case, a bug in @addax/conformance: ${errorText(e)}`);
    });
    const got = await apply(backend, prim, c);
    const magnitude = spec.tolerance.kind === 'sum' ? await apply(REFERENCE, prim, absolute(c)) : undefined;
    const terms = spec.terms?.(c) ?? 0;
    const problemOf = (want: readonly HostArray[], have: readonly HostArray[]): string | undefined => {
      for (const [i, e] of want.entries()) {
        const problem = compareOutput(e, have[i]!, spec.tolerance, { terms, magnitude: magnitude?.[i] });
        if (problem !== undefined) return `output ${i}: ${problem}`;
      }
      return undefined;
    };
    const problem = problemOf(expected, got);
    if (problem === undefined) return;
    // A flushing backend agrees if, with every result's subnormals flushed, it matches the reference
    // on the operands as given or on the operands flushed (a kernel that reads the bits, such as a
    // bitcast, sees the former; arithmetic on the device sees the latter).
    if (flushes) {
      const flushedGot = got.map(flushSubnormals);
      const fromFlushed = await apply(REFERENCE, prim, flushed(c));
      for (const want of [expected, fromFlushed]) {
        if (problemOf(want.map(flushSubnormals), flushedGot) === undefined) return;
      }
    }
    throw new Error(problem);
  });
  const details = await fc.check(property, { seed: settings.seed, numRuns: settings.numRuns });
  if (!details.failed) {
    const onCpu = ax.findBackend(backend).cpuFallbacks?.includes(spec.name) === true;
    return { status: hasKernel ? (onCpu ? 'cpu fallback' : 'pass') : 'decomposed' };
  }
  const how = hasKernel ? 'its kernel' : 'the decomposition (it has no kernel)';
  const title = isMissingKernel(details.errorInstance)
    ? `${spec.name}: not implemented on backend '${backend}'`
    : `${spec.name}: backend '${backend}' (${how}) differs from the reference`;
  const message = failureReport(title, details, settings, describeCase);
  return { status: isMissingKernel(details.errorInstance) ? 'not implemented' : 'fail', message };
}
