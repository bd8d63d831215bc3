import { describe, expect, it } from 'vitest';
import * as ax from '@addax/core';
import '@addax/backend-cpu';

/** A user-defined interpreter: records the primitives applied to its tracers, then evaluates them. */
class RecordingTracer extends ax.Tracer {
  constructor(
    readonly trace: RecordingTrace,
    readonly value: ax.Array,
  ) {
    super();
  }

  get aval(): ax.ShapeDtype {
    return this.value.aval;
  }

  heldValues(): readonly ax.Array[] {
    return [this.value];
  }
}

class RecordingTrace extends ax.Trace {
  get log(): string[] {
    return this.main.globalData as string[];
  }

  pure(value: ax.Array): ax.Array {
    return new RecordingTracer(this, value);
  }

  processPrimitive<P>(prim: ax.Primitive<P>, operands: readonly ax.Array[], params: P): ax.Array[] {
    this.log.push(prim.name);
    const values = operands.map((x) => (x as RecordingTracer).value);
    return ax.bind(prim, values, params).map((v) => new RecordingTracer(this, v));
  }
}

function record(fn: (x: ax.Array) => ax.Array, x: ax.Array): { log: string[]; out: ax.Array } {
  const log: string[] = [];
  const out = ax.withMainTrace(RecordingTrace, log, (main) => {
    const trace = new RecordingTrace(main);
    const result = fn(trace.pure(x)) as RecordingTracer;
    return result.value;
  });
  return { log, out };
}

describe('the interpreter stack', () => {
  it('routes every primitive on a tracer to its interpreter, which may delegate to the level below', () => {
    const { log, out } = record((x) => ax.lax.add(ax.lax.add(x, x), x), ax.array([1, 2]));
    expect(log).toEqual(['add', 'add']);
    expect(out.arraySync()).toEqual([3, 6]);
  });

  it('lifts constants made inside the traced function into the interpreter', () => {
    const { log, out } = record((x) => ax.lax.add(x, ax.ones([2])), ax.array([1, 2]));
    expect(log).toEqual(['add']);
    expect(out.arraySync()).toEqual([2, 3]);
  });

  it('refuses to read data from a tracer, naming the interpreter and what to do instead', () => {
    expect(() => record((x) => ax.array(x.dataSync()), ax.array([1]))).toThrow(
      /dataSync\(\) was called on a traced value \(f32\[1\]\) while RecordingTrace is tracing the function/,
    );
  });

  it('refuses to branch on a tracer in JS', () => {
    expect(() =>
      record((x) => {
        if ((x as unknown as number) > 0) return x;
        return x;
      }, ax.array(1)),
    ).toThrow(/Converting to a JS number or boolean was called on a traced value/);
  });

  it('detects a tracer that escaped its transformation', () => {
    let leaked: ax.Array | undefined;
    record(
      (x) => {
        leaked = x;
        return x;
      },
      ax.array([1]),
    );
    const log: string[] = [];
    expect(() => ax.withMainTrace(RecordingTrace, log, () => ax.lax.add(leaked!, leaked!))).toThrow(
      /escaped the transformation that made it/,
    );
  });

  it('runs the params rule once, before any interpreter sees the primitive', () => {
    const seen: number[] = [];
    const shift = ax.definePrimitive<{ axis: number }>({
      name: 'testCanonicalAxis',
      params: ({ axis }, [x]) => ({ axis: axis < 0 ? axis + x!.ndim : axis }),
      abstractEval: ([x], { axis }) => {
        seen.push(axis);
        return [x!];
      },
      decompose: ([x]) => [x!],
    });
    ax.bind(shift, [ax.zeros([2, 3])], { axis: -1 });
    expect(seen).toEqual([1]);
  });
});
