import { IR } from '../ir/ir.js';
import { sowP, type SowParams } from './sow.js';

const found = new WeakMap<IR, readonly SowParams[]>();

function sowsIn(value: unknown): readonly SowParams[] {
  if (globalThis.Array.isArray(value)) return value.flatMap(sowsIn);
  if (!(value instanceof IR)) return [];
  let sows = found.get(value);
  if (!sows) {
    sows = value.eqns.flatMap((eqn) =>
      eqn.primitive === sowP
        ? [eqn.params as SowParams]
        : Object.values(eqn.params as object).flatMap(sowsIn),
    );
    found.set(value, sows);
  }
  return sows;
}

/** The sows the programs in `params` hold (a loop body's, say), nested programs' included. */
export function heldSows(params: unknown): readonly SowParams[] {
  return params !== null && typeof params === 'object' ? Object.values(params).flatMap(sowsIn) : [];
}
