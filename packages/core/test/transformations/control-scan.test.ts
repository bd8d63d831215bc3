import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as ax from '@addax/core';
import '@addax/backend-cpu';
import { values } from '../helpers.js';
import { FD, TIGHT } from './control-tolerances.js';
import {
  checkJit,
  checkJvp,
  checkVjp,
  checkVmap,
  expectClose,
  expectTreeClose,
  floatArray,
  sliceAt,
} from '../laws.js';

/** One step of a small recurrent cell: the carry h and a row x give the next h and an output. */
function cell(w: ax.Array, h: ax.Array, x: ax.Array): [ax.Array, ax.Array] {
  const next = ax.tanh(h.mul(w).add(x));
  return [next, ax.sum(next.mul(next))];
}

/** The cell looped by scan, forwards or backwards, reduced to a scalar loss. */
function rnn(
  w: ax.Array,
  h0: ax.Array,
  xs: ax.Array,
  reverse = false,
  unroll: number | boolean = 1,
): ax.Array {
  const [h, ys] = ax.scan((h: ax.Array, x: ax.Array) => cell(w, h, x), h0, xs, { reverse, unroll });
  return ax.sum(h).add(ax.sum(ys.mul(ax.arange(1, xs.shape[0]! + 1).astype('float32'))));
}

/** The same loss with the loop written out in JS. */
function rnnUnrolled(w: ax.Array, h0: ax.Array, xs: ax.Array, reverse = false): ax.Array {
  const rows = [...xs];
  const order = [...rows.keys()];
  if (reverse) order.reverse();
  let h = h0;
  const ys: ax.Array[] = [];
  for (const i of order) {
    const [next, y] = cell(w, h, rows[i]!);
    h = next;
    ys[i] = y;
  }
  return ax.sum(h).add(ax.sum(ax.stack(ys).mul(ax.arange(1, xs.shape[0]! + 1).astype('float32'))));
}

const rnnCase = fc.record({
  w: floatArray([2], -1, 1),
  h0: floatArray([2], -1, 1),
  xs: fc.integer({ min: 1, max: 5 }).chain((n) => floatArray([n, 2], -1, 1)),
  reverse: fc.boolean(),
});

// A fixed case: weights, initial carry, three rows of xs, and a batch of two row sequences.
const w = ax.array([0.4, -0.6]);
const h0 = ax.array([0.1, 0.2]);
const xs = ax.array([
  [0.5, -0.5],
  [0.3, 0.9],
  [-0.2, 0.1],
]);
const xss = ax.stack([xs.mul(-1), xs.add(0.25)]);

describe('scan, eagerly', () => {
  it('threads the carry and stacks the ys as a JS loop does (cumulative sums of lengths 0 to 6)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -9, max: 9 }), { maxLength: 6 }), (data) => {
        const [total, partials] = ax.scan(
          (c: ax.Array, x: ax.Array) => {
            // The same array as the next carry and as a y, which the loop must not free early.
            const s = c.add(x);
            return [s, s];
          },
          ax.scalar(0),
          ax.array(data).reshape([data.length]),
        );
        let running = 0;
        const expected = data.map((v) => (running += v));
        expect(values(total)).toEqual([running]);
        expect(values(partials)).toEqual(expected);
        expect(partials.shape).toEqual([data.length]);
      }),
      { numRuns: 20 },
    );
  });

  it('runs from the last row with reverse, still stacking ys in row order', () => {
    const [total, partials] = ax.scan(
      (c: ax.Array, x: ax.Array) => [c.mul(10).add(x), c],
      ax.scalar(0),
      ax.array([1, 2, 3]),
      { reverse: true },
    );
    expect(values(total)).toEqual([321]);
    expect(values(partials)).toEqual([32, 3, 0]);
  });

  it('takes pytrees of carry, xs and ys, and null xs with a length', () => {
    const [carry, ys] = ax.scan(
      ({ s, n }: { s: ax.Array; n: ax.Array }, [a, b]: ax.Array[]) => [
        { s: s.add(a!.mul(b!)), n: n.add(1) },
        { prod: a!.mul(b!), step: n },
      ],
      { s: ax.scalar(0), n: ax.scalar(0, 'int32') },
      [ax.array([1, 2, 3]), ax.array([[4], [5], [6]]).reshape([3])],
    );
    expect(values(carry.s)).toEqual([32]);
    expect(values(carry.n)).toEqual([3]);
    expect(values(ys.prod)).toEqual([4, 10, 18]);
    expect(values(ys.step)).toEqual([0, 1, 2]);
    const [pow, none] = ax.scan((c: ax.Array): [ax.Array, null] => [c.mul(2), null], ax.scalar(1), null, {
      length: 5,
    });
    expect(values(pow)).toEqual([32]);
    expect(none).toBeNull();
  });

  it('returns the init and empty ys when the length is 0', () => {
    const [c, ys] = ax.scan(
      (c: ax.Array, x: ax.Array) => [c.add(x), x.mul(2)],
      ax.full([3], 7),
      ax.zeros([0, 3]),
    );
    expect(values(c)).toEqual([7, 7, 7]);
    expect(ys.shape).toEqual([0, 3]);
  });

  it('says what is wrong with the xs, the length or the carry', () => {
    const body = (c: ax.Array, x: ax.Array): [ax.Array, ax.Array] => [c.add(x), x];
    const pair = (c: ax.Array[]): [ax.Array[], null] => [c, null];
    expect(() => ax.scan(pair, [ax.scalar(0)], [ax.zeros([3]), ax.zeros([4])])).toThrow(
      /scan: the xs leaves have different leading sizes \(leaf 0 has 3, leaf 1 has 4\)/,
    );
    expect(() => ax.scan(body, ax.scalar(0), null)).toThrow(
      /scan: xs has no arrays, so pass the number of iterations/,
    );
    expect(() => ax.scan(body, ax.scalar(0), ax.zeros([3]), { length: 2 })).toThrow(
      /scan: length is 2, but the xs have leading size 3/,
    );
    expect(() =>
      ax.scan<unknown, ax.Array, ax.Array>((c, x) => [[c, x], x], ax.scalar(0), ax.zeros([3])),
    ).toThrow(/scan: the carry f returns has structure \[\*, \*\], but init has \*/);
    expect(() =>
      ax.scan((c: ax.Array, x: ax.Array) => [c.add(x), x], ax.scalar(0), ax.zeros([3, 2])),
    ).toThrow(/scan: the carry f returns leaf 0 is float32\[2\], but init has float32\[\]/);
  });

  it('gives the same results with unroll, which stages fewer, longer loop steps', () => {
    const rows = ax.concatenate([
      xs,
      ax.array([
        [0.7, 0.4],
        [-0.6, 0.3],
      ]),
    ]);
    for (const reverse of [false, true]) {
      const plain = (v: ax.Array): ax.Array => rnn(v, h0, rows, reverse);
      for (const unroll of [2, 3, 5, 8, true]) {
        const unrolled = (v: ax.Array): ax.Array => rnn(v, h0, rows, reverse, unroll);
        const what = `unroll ${unroll}, reverse ${reverse}`;
        expectClose(unrolled(w), plain(w), TIGHT, `value, ${what}`);
        expectClose(ax.grad(unrolled)(w), ax.grad(plain)(w), TIGHT, `grad, ${what}`);
      }
    }
    const lengths = (unroll: number | boolean): number[] =>
      ax
        .makeIR((v: ax.Array) => rnn(v, h0, rows, false, unroll))(w)
        .eqns.filter((e) => e.primitive === ax.scanP)
        .map((e) => (e.params as ax.ScanParams).length);
    expect([lengths(1), lengths(2), lengths(5), lengths(true)]).toEqual([[5], [2, 1], [1], [1]]);
    expect(() => rnn(w, h0, rows, false, 0)).toThrow(
      /scan: unroll must be a positive integer or a boolean, got 0/,
    );
  });

  it('keeps only its results alive after a long loop', () => {
    const xs = ax.ones([200, 4]);
    const init = ax.zeros([4]);
    const before = ax.memory().cpu?.buffers ?? 0;
    const [c, ys] = ax.scan((c: ax.Array, x: ax.Array) => [ax.sin(c.add(x)), c.mul(2)], init, xs);
    expect((ax.memory().cpu?.buffers ?? 0) - before).toBe(2);
    c.dispose();
    ys.dispose();
  });
});

describe('scan under transformations', () => {
  it('grad equals grad of the unrolled loop, forwards and reversed (inputs in [-1, 1])', () => {
    fc.assert(
      fc.property(rnnCase, ({ w, h0, xs, reverse }) => {
        const argnums = [0, 1, 2];
        const g = ax.grad((a: ax.Array, b: ax.Array, c: ax.Array) => rnn(a, b, c, reverse), { argnums })(
          w,
          h0,
          xs,
        );
        const e = ax.grad((a: ax.Array, b: ax.Array, c: ax.Array) => rnnUnrolled(a, b, c, reverse), {
          argnums,
        })(w, h0, xs);
        expectTreeClose(g, e, TIGHT, `grad(scan) vs unrolled (reverse ${reverse})`);
      }),
      { numRuns: 15 },
    );
  });

  it('differentiates a pytree carry', () => {
    const loss = (init: { a: ax.Array; b: ax.Array }): ax.Array => {
      const [c] = ax.scan(
        ({ a, b }: { a: ax.Array; b: ax.Array }, x: ax.Array) => [
          { a: a.mul(b).add(x), b: b.mul(0.5) },
          null,
        ],
        init,
        ax.array([1, 2, 3]),
      );
      return c.a.add(c.b);
    };
    // a3 + b3 = a b^3/8 + b^2/8 + b/2 + 3 + b/8: d/da = b^3/8, d/db = 3ab^2/8 + b/4 + 5/8, at a = 2, b = 1.
    const g = ax.grad(loss)({ a: ax.scalar(2), b: ax.scalar(1) });
    expect(values(g.a)[0]).toBeCloseTo(1 / 8, 6);
    expect(values(g.b)[0]).toBeCloseTo(6 / 8 + 1 / 4 + 5 / 8, 6);
  });

  it('matches central differences in forward mode and is its transpose in reverse mode', () => {
    const tangents = [ax.array([1, -0.5]), ax.array([0.2, 0.3]), ax.onesLike(xs).mul(0.1)];
    for (const reverse of [false, true]) {
      const f = (a: ax.Array, b: ax.Array, c: ax.Array): ax.Array => rnn(a, b, c, reverse);
      checkJvp(f, [w, h0, xs], tangents, 1e-2, FD);
      checkVjp(f, [w, h0, xs], tangents, ax.scalar(1.5), TIGHT);
    }
  });

  it('takes second derivatives equal to the unrolled loop', () => {
    const second = (f: typeof rnn): ax.Array =>
      ax.grad((v: ax.Array) =>
        ax.sum(
          ax
            .grad((u: ax.Array) => f(u, h0, xs))(v)
            .mul(ax.array([1, 2])),
        ),
      )(w);
    expectClose(second(rnn), second(rnnUnrolled), TIGHT, 'grad(grad(scan)) vs unrolled');
    // hessian is jacfwd of jacrev: forward mode through the transposed scan, under vmap.
    const hessian = (f: typeof rnn): ax.Array =>
      ax.hessian((u: ax.Array) => f(u, h0, xs, true))(w) as ax.Array;
    expectClose(hessian(rnn), hessian(rnnUnrolled), TIGHT, 'hessian(scan) vs unrolled');
  });

  it('rebuilds a scan equation with a new body by scanWithBody, as a transformation of loop bodies does', () => {
    const f = (v: ax.Array, rows: ax.Array): [ax.Array, ax.Array] =>
      ax.scan((h: ax.Array, x: ax.Array) => cell(w, h, x), v, rows);
    const ir = ax.makeIR(f)(h0, xs);
    const eqn = ir.eqns.find((e) => e.primitive === ax.scanP)!;
    const params = eqn.params as ax.ScanParams;
    const env = new Map<ax.Var, ax.Array>([
      ...ir.inVars.map((v, i) => [v, [h0, xs][i]!] as const),
      ...ir.constVars.map((v, i) => [v, ir.consts[i]!] as const),
    ]);
    // The new body also returns each iteration's incoming carry, as an extra y.
    const [last, ys, carries] = ax.scanWithBody(
      eqn.inputs.map((v) => env.get(v)!),
      params,
      (consts, carry, x) => {
        const outs = ax.evalIR(params.body, [...consts, ...carry, ...x]);
        return [outs.slice(0, params.numCarry), [...outs.slice(params.numCarry), ...carry]];
      },
    );
    const [expectedLast, expectedYs] = f(h0, xs);
    expectClose(last!, expectedLast, TIGHT, 'scanWithBody: final carry');
    expectClose(ys!, expectedYs, TIGHT, 'scanWithBody: the old ys');
    const h1 = cell(w, h0, sliceAt(xs, 0, 0))[0];
    const h2 = cell(w, h1, sliceAt(xs, 0, 1))[0];
    expectClose(carries!, ax.stack([h0, h1, h2]), TIGHT, 'scanWithBody: the appended carries');
  });

  it('is vmapped over mapped xs, a mapped carry, or both, as a loop over the batch', () => {
    const h0s = ax.array([
      [0.1, 0.2],
      [-0.3, 0.5],
    ]);
    const f = (h: ax.Array, rows: ax.Array): ax.Array => rnn(w, h, rows);
    checkVmap(f, [sliceAt(h0s, 0, 0), xss], [null, 0], 0, TIGHT);
    checkVmap(f, [h0s, sliceAt(xss, 0, 0)], [0, null], 0, TIGHT);
    checkVmap(f, [h0s, xss], [0, 0], 0, TIGHT);
    checkVmap(f, [h0s, ax.moveaxis(xss, 0, 2)], [0, 2], 0, TIGHT);
    const ys = (xs: ax.Array): ax.Array =>
      ax.scan((c: ax.Array, x: ax.Array) => [c.add(x), c.mul(x)], ax.scalar(1), xs)[1];
    checkVmap(
      ys,
      [
        ax.array([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      ],
      [0],
      1,
      TIGHT,
    );
  });

  it('grad of vmap equals vmap of grad', () => {
    const perExample = (v: ax.Array, rows: ax.Array): ax.Array => rnn(v, h0, rows);
    const gradOfVmap = ax.grad((v: ax.Array) => ax.sum(ax.vmap(perExample, { inAxes: [null, 0] })(v, xss)))(
      w,
    );
    const vmapOfGrad = ax.sum(ax.vmap(ax.grad(perExample), { inAxes: [null, 0] })(w, xss), 0);
    expectClose(gradOfVmap, vmapOfGrad, TIGHT, 'grad(vmap(scan)) vs vmap(grad(scan))');
    const batchedW = ax.stack([w, w.mul(-1)]);
    const perW = ax.vmap(ax.grad(perExample), { inAxes: [0, 0] })(batchedW, xss);
    const expected = ax.stack(
      [0, 1].map((i) => ax.grad(perExample)(sliceAt(batchedW, 0, i), sliceAt(xss, 0, i))),
    );
    expectClose(perW, expected, TIGHT, 'vmap(grad(scan)) vs a loop of grad');
  });

  it('is staged by jit as one scan equation and runs as it does eagerly', () => {
    const ir = ax.makeIR(rnn)(w, h0, xs);
    expect(ir.eqns.filter((e) => e.primitive.name === 'scan')).toHaveLength(1);
    checkJit((a, b, c) => rnn(a, b, c), [w, h0, xs], TIGHT);
    checkJit((a, b, c) => rnn(a, b, c, true), [w, h0, xs], TIGHT);
    checkJit(
      ax.grad((a: ax.Array, b: ax.Array, c: ax.Array) => rnn(a, b, c)),
      [w, h0, xs],
      TIGHT,
    );
  });
});
