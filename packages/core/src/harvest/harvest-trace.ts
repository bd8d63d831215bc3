import type { Array } from '../array.js';
import { AddaxError } from '../errors.js';
import { bind, withDynamicBelow, withMainTrace } from '../interpreters.js';
import type { Primitive } from '../primitive.js';
import { Trace, type MainTrace } from '../trace.js';
import type { HarvestContext } from './context.js';
import { heldSows } from './held-sows.js';
import { sowP, type SowParams } from './sow.js';

/**
 * The harvest interpreter (Oryx's `HarvestTrace`): a dynamic level with no tracers of its own,
 * so every primitive bound inside the harvested function passes through it, even one whose
 * operands are constants. It hands sows to its context and every other primitive to the levels
 * below, unchanged.
 */
export class HarvestTrace extends Trace {
  override get transformation(): string {
    return `harvest of tag '${this.context.tag}'`;
  }

  get context(): HarvestContext {
    return this.main.globalData as HarvestContext;
  }

  override pure(value: Array): Array {
    return value;
  }

  /** Runs `fn` with the levels below this harvest current, as the primitives it forwards run. */
  below<T>(fn: () => T): T {
    return withDynamicBelow(this.main, fn);
  }

  override processPrimitive<P>(prim: Primitive<P>, operands: readonly Array[], params: P): Array[] {
    const rule = this.context.ruleFor(prim);
    if (rule) return rule(this, operands, params);
    if (prim === (sowP as Primitive<unknown>)) {
      return this.below(() => this.context.processSow(operands, params as SowParams));
    }
    const hidden = heldSows(params).filter((s) => s.tag === this.context.tag);
    if (hidden.length > 0) {
      throw new AddaxError(
        `${prim.name}: the harvest of tag '${this.context.tag}' cannot reach the values sown inside it ` +
          `(${hidden.map((s) => s.name).join(', ')}); sow them outside it`,
      );
    }
    return this.below(() => bind(prim, operands, params));
  }
}

/** Runs `fn` under a new harvest level with `context`. */
export function runHarvest<T>(context: HarvestContext, fn: () => T): T {
  return withMainTrace(HarvestTrace, context, (_: MainTrace) => fn(), { dynamic: true });
}
