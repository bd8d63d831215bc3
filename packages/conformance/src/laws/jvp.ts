import fc from 'fast-check';
import * as ax from '@addax/core';
import type { RunSettings } from '../config.js';
import { runOn, upload, type HostArray } from '../host.js';
import type { Outcome } from '../outcome.js';
import { checkLaw } from './check-law.js';
import { expectClose } from './close.js';
import { describeArrays } from './describe.js';
import { argsArb, type LawCase, type LawTolerance } from './law-case.js';

/** The finite-difference step: a power of two, so `x ± eps * t` rounds only once. */
const EPS = 2 ** -7;

/**
 * Central differences in float32 carry a truncation error of about `eps^2 |f'''| / 6` and a
 * rounding error of about `ulp(f) / eps`: a per-mille tolerance covers both for the smooth
 * functions on their ranges.
 */
export const FINITE_DIFFERENCE_TOLERANCE: LawTolerance = { rtol: 1e-3, atol: 1e-3 };

/** Primal points in the case's range and tangents in [-1, 1]. */
export function primalsAndTangents(
  c: LawCase,
): fc.Arbitrary<{ primals: HostArray[]; tangents: HostArray[] }> {
  return c.shapes.chain((shapes) =>
    fc.record({ primals: argsArb(shapes, c.range), tangents: argsArb(shapes, [-1, 1]) }),
  );
}

/**
 * The `jvp` law (smooth functions): the tangent `jvp(f)` computes on the backend matches the
 * central difference `(f(x + eps t) - f(x - eps t)) / 2 eps` of `f` on the backend.
 */
export function jvpLaw(c: LawCase, backend: string, settings: RunSettings): Promise<Outcome> {
  return checkLaw(
    `jvp law, ${c.name}: jvp(f) on backend '${backend}' differs from central differences (eps ${EPS})`,
    primalsAndTangents(c),
    async ({ primals, tangents }) => {
      const [tangent, plus, minus] = await runOn(backend, () => {
        const ps = primals.map(upload);
        const ts = tangents.map(upload);
        const shifted = (step: number): ax.Array =>
          c.fn(...ps.map((p, i) => ax.add(p, ax.multiply(ts[i]!, step))));
        return [ax.jvp(c.fn, ps, ts)[1], shifted(EPS), shifted(-EPS)];
      });
      const difference = Float32Array.from(plus!.data, (v, i) => (v - minus!.data[i]!) / (2 * EPS));
      expectClose(
        tangent!,
        { ...tangent!, data: difference },
        FINITE_DIFFERENCE_TOLERANCE,
        'jvp(f) vs central differences',
      );
    },
    ({ primals, tangents }) =>
      [...describeArrays('primal', primals), ...describeArrays('tangent', tangents)].join('\n'),
    settings,
  );
}
