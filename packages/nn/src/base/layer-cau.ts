import * as ax from '@addax/core';
import { flattenArrays } from '../array-leaves.js';
import { filterKwargs, type LayerKwargs } from './kwargs.js';
import type { Layer } from './layer.js';

/**
 * Params of `layer_cau`. Operands are `[...layer leaves, rng?, ...input leaves]`; the layer's
 * class, info and name travel in `layerDef`, and `kwargs` holds the static keyword arguments.
 */
export interface LayerCauParams {
  readonly layerDef: ax.TreeDef;
  readonly inDef: ax.TreeDef;
  readonly kwargs: ax.state.Kwargs;
  readonly hasRng: boolean;
  /**
   * The structure of `[output, updated layer]`, filled in by the first interpreter that runs the
   * layer (every one does before `bind` returns), so that the caller can rebuild the result.
   */
  readonly out: { def?: ax.TreeDef };
}

interface Unpacked {
  readonly layer: Layer;
  readonly rng: ax.Array | undefined;
  readonly x: unknown;
  readonly kwargs: LayerKwargs;
}

function unpack(operands: readonly ax.Array[], p: LayerCauParams): Unpacked {
  const n = p.layerDef.numLeaves;
  const layer = ax.tree.unflatten<Layer>(p.layerDef, operands.slice(0, n));
  const rng = p.hasRng ? operands[n] : undefined;
  const x = ax.tree.unflatten(p.inDef, operands.slice(n + (p.hasRng ? 1 : 0)));
  return { layer, rng, x, kwargs: rng === undefined ? p.kwargs : { ...p.kwargs, rng } };
}

/** The result of a layer call as the primitive's flat outputs, noting its structure in `p`. */
function outputs(result: [unknown, Layer], p: LayerCauParams, where: string): ax.Array[] {
  const [leaves, def] = flattenArrays(where, 'result', result);
  if (p.out.def && !p.out.def.equals(def)) {
    throw new ax.AddaxError(`${where}: the layer returned ${def.toString()}, before ${p.out.def.toString()}`);
  }
  p.out.def = def;
  return leaves;
}

/** Runs the layer's `_callAndUpdate` on the operands: the primitive's meaning. */
function runLayerCau(operands: readonly ax.Array[], p: LayerCauParams): ax.Array[] {
  const { layer, x, kwargs } = unpack(operands, p);
  return outputs(layer._callAndUpdate(x, kwargs), p, layer.describe());
}

/**
 * The batch rule (Oryx's `custom_layer_cau_batch`): a layer with `_callAndUpdateBatched`, called
 * with unbatched parameters on a batched input, runs once on the whole batch and its updated
 * layer comes back unbatched; anything else maps the layer over the batch example by example.
 */
function batchLayerCau(
  operands: readonly ax.Array[],
  dims: readonly (number | null)[],
  p: LayerCauParams,
  axisSize: number,
): [ax.Array[], (number | null)[]] {
  const n = p.layerDef.numLeaves;
  const r = p.hasRng ? 1 : 0;
  const inputDims = dims.slice(n + r);
  const layer = ax.tree.unflatten<Layer>(p.layerDef, operands.slice(0, n));
  const wholeBatch =
    layer._callAndUpdateBatched !== undefined &&
    dims.slice(0, n).every((d) => d === null) &&
    inputDims.length > 0 &&
    inputDims.every((d) => d !== null);
  if (!wholeBatch) return ax.batchFlat((...xs) => runLayerCau(xs, p), operands, dims, axisSize);
  const x = ax.tree.unflatten(
    p.inDef,
    operands.slice(n + r).map((v, i) => ax.moveAxis(v, inputDims[i]!, 0)),
  );
  const cls = layer.constructor as typeof Layer;
  const accepted = [cls.callKwargs, cls.updateKwargs];
  const kwargs: LayerKwargs = { ...p.kwargs };
  // A mapped rng arrives as the batch of keys, one per example along axis 0; an unmapped one as the
  // single key, so the layer can tell one shared key from independent ones.
  const key = operands[n];
  const rngDim = dims[n] ?? null;
  const rng = !p.hasRng ? undefined : rngDim === null ? key : ax.moveAxis(key!, rngDim, 0);
  const all = rng === undefined ? kwargs : { ...kwargs, rng };
  const filtered = Object.assign({}, ...accepted.map((a) => filterKwargs(all, a))) as LayerKwargs;
  const [out, updated] = layer.withStateStopped()._callAndUpdateBatched!(x, filtered);
  const [outLeaves] = flattenArrays(layer.describe(), 'output', out);
  const flat = outputs([out, updated], p, layer.describe());
  return [flat, flat.map((_, i) => (i < outLeaves.length ? 0 : null))];
}

/**
 * The layer's function differentiated inline, with respect to the operands that carry a tangent
 * only: the others (state, rng, an input not differentiated) stay constants, so no work is spent
 * on tangents known to be zero.
 */
function jvpLayerCau(
  primals: readonly ax.Array[],
  tangents: readonly (ax.Array | ax.Zero)[],
  p: LayerCauParams,
): [ax.Array[], (ax.Array | ax.Zero)[]] {
  const live = tangents.map((t) => !(t instanceof ax.Zero));
  if (!live.includes(true)) {
    const outs = runLayerCau(primals, p);
    return [outs, outs.map((o) => new ax.Zero(o.aval))];
  }
  const withLive = (...ys: ax.Array[]): ax.Array[] => {
    let k = 0;
    return runLayerCau(
      primals.map((x, i) => (live[i] ? ys[k++]! : x)),
      p,
    );
  };
  return ax.jvp(
    withLive,
    primals.filter((_, i) => live[i]),
    tangents.filter((_, i) => live[i]),
  );
}

/** The primitive a layer call binds (Oryx's `layer_cau`), so that `vmap` and kwarg rules can reach layers. */
export const layerCauP: ax.Primitive<LayerCauParams> = ax.definePrimitive<LayerCauParams>({
  name: 'layer_cau',
  abstractEval: (avals, p) =>
    ax.evalShape<ax.ShapeDtype[]>((...xs: ax.Array[]) => runLayerCau(xs, p))(...avals),
  decompose: (operands, p) => runLayerCau(operands, p),
  abstractEvalTraces: true,
  jvp: jvpLayerCau,
  batch: batchLayerCau,
});

// A module's call passes its keyword arguments to every layer call in its program.
ax.state.defineKwargsRule(layerCauP, (operands, p, kwargs) => {
  const { layer, x, kwargs: own } = unpack(operands, p);
  const [leaves] = flattenArrays(layer.describe(), 'result', layer.callAndUpdate(x, { ...own, ...kwargs }));
  return leaves;
});

function checkStatic(kwargs: LayerKwargs, where: string): ax.state.Kwargs {
  const keys = Object.keys(kwargs)
    .filter((k) => k !== 'rng' && kwargs[k] !== undefined)
    .sort();
  for (const k of keys) {
    if (ax.tree.leaves(kwargs[k]).some((leaf) => leaf instanceof ax.Array)) {
      throw new ax.ParameterError(
        `${where}: keyword argument '${k}' holds an array; keyword arguments other than rng are static ` +
          '(pass arrays as the input, or as rng)',
      );
    }
  }
  return Object.fromEntries(keys.map((k) => [k, kwargs[k]]));
}

function checkRng(rng: unknown, where: string): ax.Array | undefined {
  if (rng === undefined) return undefined;
  if (!(rng instanceof ax.Array) || rng.dtype !== 'uint32' || rng.shape.length !== 1 || rng.shape[0] !== 2) {
    const got = rng instanceof ax.Array ? rng.aval.describe() : String(rng);
    throw new ax.ParameterError(`${where}: rng must be a key (uint32[2], from ax.random.key), got ${got}`);
  }
  return rng;
}

/** Binds `layer_cau` for `layer` on `x`: the output and the updated layer. */
export function bindLayerCau(layer: Layer, x: unknown, kwargs: LayerKwargs): [unknown, Layer] {
  const where = layer.describe();
  const rng = checkRng(kwargs.rng, where);
  const [layerLeaves, layerDef] = flattenArrays(where, 'layer', layer);
  const [inputs, inDef] = flattenArrays(where, 'input', x);
  const p: LayerCauParams = {
    layerDef,
    inDef,
    kwargs: checkStatic(kwargs, where),
    hasRng: rng !== undefined,
    out: {},
  };
  const outs = ax.bind(layerCauP, [...layerLeaves, ...(rng ? [rng] : []), ...inputs], p);
  return ax.tree.unflatten<[unknown, Layer]>(p.out.def!, outs);
}
