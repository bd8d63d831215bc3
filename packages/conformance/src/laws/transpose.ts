import * as ax from '@addax/core';
import type { RunSettings } from '../config.js';
import { runOn, upload } from '../host.js';
import type { Outcome } from '../outcome.js';
import { checkLaw } from './check-law.js';
import { describeArrays } from './describe.js';
import { primalsAndTangents } from './jvp.js';
import { argsArb, outShapeOf, type LawCase } from './law-case.js';

/** Relative to the sum of the terms' magnitudes, since both sides are sums of float32 products. */
const RELATIVE = 1e-4;

/**
 * The `transpose` law: at any point, `<ct, J t> == <J^T ct, t>`, with `J t` from `jvp` and
 * `J^T ct` from `vjp`, both computed on the backend, for random tangents `t` and cotangents `ct`.
 */
export function transposeLaw(c: LawCase, backend: string, settings: RunSettings): Promise<Outcome> {
  const inputs = primalsAndTangents(c).chain((pt) =>
    argsArb(
      [
        outShapeOf(
          c,
          pt.primals.map((p) => p.shape),
        ),
      ],
      [-1, 1],
    ).map(([ct]) => ({ ...pt, ct: ct! })),
  );
  return checkLaw(
    `transpose law, ${c.name}: on backend '${backend}', vjp(f) is not the transpose of jvp(f)`,
    inputs,
    async ({ primals, tangents, ct }) => {
      const [lhs, ...rhs] = await runOn(backend, () => {
        const ps = primals.map(upload);
        const ts = tangents.map(upload);
        const cotangent = upload(ct);
        const jt = ax.jvp(c.fn, ps, ts)[1];
        const [, pullback] = ax.vjp(c.fn, ...ps);
        const grads = pullback(cotangent) as ax.Array[];
        return [ax.multiply(cotangent, jt), ...grads.map((g, i) => ax.multiply(g, ts[i]!))];
      });
      const sum = (xs: readonly { data: ArrayLike<number> }[], f: (v: number) => number): number =>
        xs.reduce((s, x) => s + Array.from(x.data, f).reduce((a, b) => a + b, 0), 0);
      const left = sum([lhs!], (v) => v);
      const right = sum(rhs, (v) => v);
      const scale = sum([lhs!, ...rhs], Math.abs);
      if (!(Math.abs(left - right) <= RELATIVE * scale + 1e-6)) {
        throw new Error(`<ct, J t> = ${left} but <J^T ct, t> = ${right} (tolerance ${RELATIVE} x ${scale})`);
      }
    },
    ({ primals, tangents, ct }) =>
      [
        ...describeArrays('primal', primals),
        ...describeArrays('tangent', tangents),
        ...describeArrays('cotangent', [ct]),
      ].join('\n'),
    settings,
  );
}
