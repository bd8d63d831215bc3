import {
  BackendError,
  sizeOf,
  type AxesParams,
  type BroadcastInDimParams,
  type Equation,
  type FusedKernel,
  type FusionCompiler,
  type IotaParams,
  type IR,
  type Var,
} from '@addax/core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { withTextures, type WebGLData } from '../data.js';
import { REDUCTIONS, reductionLines, type ReductionName } from '../kernels/reductions.js';
import { glslOfEquation, helpersFor } from '../programs/glsl-ops.js';
import {
  declareOutputCoords,
  MAX_RANK,
  outputCoords,
  program,
  runProgram,
  sample,
  view,
} from '../programs/program.js';

const INDEXED = new Set(['broadcastInDim', 'reshape', 'iota']);

function onTextures(eqn: Equation): boolean {
  return [...eqn.inputs, ...eqn.outputs].every((v) => v.aval.dtype === 'float32' || v.aval.dtype === 'bool');
}

/** A float32 reduction with a shader here: it joins the fragment of its output's shape as an epilogue's head. */
function isReduction(eqn: Equation): boolean {
  const x = eqn.inputs[0];
  return eqn.primitive.name in REDUCTIONS && x?.aval.dtype === 'float32' && x.aval.shape.length <= MAX_RANK;
}

/**
 * Whether a fragment input is read at the output's coordinates, viewed with the fragment's shape:
 * inputs of its size (of its shape, or a reshape's operand), unless a reduction reads them, which
 * indexes them by their own shape.
 */
function readInPlace(fragment: IR, shape: readonly number[]): (v: Var) => boolean {
  const reduced = new Set(fragment.eqns.filter(isReduction).map((e) => e.inputs[0]!));
  return (v) => sizeOf(v.aval.shape) === sizeOf(shape) && !reduced.has(v);
}

/** The GLSL statements computing `target` from the fragment's inputs, and the inputs it reads. */
class ShaderSource {
  readonly #names = new Map<Var, string>();
  readonly #lines: string[] = [];
  readonly #coords: string[];

  constructor(
    readonly fragment: IR,
    readonly shape: readonly number[],
  ) {
    this.#coords = outputCoords(shape.length);
    const inPlace = readInPlace(fragment, shape);
    fragment.inVars.forEach((v, j) => {
      if (inPlace(v)) this.#names.set(v, `getIn${j}AtOutCoords()`);
    });
  }

  #define(v: Var, e: string | ((name: string) => string[])): void {
    const name = `v${this.#names.size}`;
    this.#lines.push(...(typeof e === 'string' ? [`float ${name} = ${e};`] : e(name)));
    this.#names.set(v, name);
  }

  #value(v: Var): string {
    const known = this.#names.get(v);
    if (known === undefined)
      throw new BackendError(`backend 'webgl': a fused fragment reads an unknown value`);
    return known;
  }

  equation(eqn: Equation): void {
    const name = eqn.primitive.name;
    const out = eqn.outputs[0]!;
    const x = eqn.inputs[0];
    if (isReduction(eqn)) {
      // The operand is a fragment input (see compile): read at every reduced position.
      const j = this.fragment.inVars.indexOf(x!);
      const { axes } = eqn.params as AxesParams;
      this.#define(out, (v) =>
        reductionLines(name as ReductionName, `In${j}`, x!.aval.shape, axes, this.#coords, v),
      );
    } else if (name === 'iota') {
      this.#define(out, `float(${this.#coords[(eqn.params as IotaParams).dimension]})`);
    } else if (name === 'reshape') {
      this.#names.set(out, this.#value(x!));
    } else if (name === 'broadcastInDim') {
      const j = this.fragment.inVars.indexOf(x!);
      if (j >= 0 && sizeOf(x!.aval.shape) !== sizeOf(this.shape)) {
        const { broadcastDimensions } = eqn.params as BroadcastInDimParams;
        const inShape = x!.aval.shape;
        const index =
          inShape.length === 0
            ? ['0']
            : inShape.map((d, i) => (d === 1 ? '0' : this.#coords[broadcastDimensions[i]!]!));
        this.#define(out, sample(`In${j}`, index));
      } else {
        this.#names.set(out, this.#value(x!));
      }
    } else {
      this.#define(out, glslOfEquation(eqn)!(...eqn.inputs.map((v) => this.#value(v))));
    }
  }

  main(target: Var): string {
    return [
      declareOutputCoords(this.shape.length),
      ...this.#lines,
      `setOutput(${this.#value(target)});`,
    ].join('\n');
  }
}

/**
 * jit's fused path on WebGL: a fragment of elementwise equations (with broadcasts, reshapes and
 * iota feeding them, and reductions of fragment inputs heading them: a sum or max with its
 * elementwise epilogue) becomes one shader per output, compiled once per cached program; tfjs
 * caches the GL program by its source and shapes.
 */
export function webglFusion(tf: MathBackendWebGL): FusionCompiler<WebGLData> {
  return {
    canFuse: (eqn) =>
      isReduction(eqn) ||
      (onTextures(eqn) && (INDEXED.has(eqn.primitive.name) || glslOfEquation(eqn) !== undefined)),
    compile(fragment: IR): FusedKernel<WebGLData> | undefined {
      const shape = fragment.outVars[0]!.aval.shape;
      if (shape.length > MAX_RANK || sizeOf(shape) === 0) return undefined;
      // A reduction reads its operand at other coordinates than the output's: only a fragment input
      // can be read so (a value computed in the fragment exists at the output's coordinates only).
      if (fragment.eqns.some((e) => isReduction(e) && !fragment.inVars.includes(e.inputs[0]!)))
        return undefined;
      // A reduction's loop names its sizes, so such a shader serves one shape.
      const shapeGeneric = !fragment.eqns.some(isReduction);
      const helpers = helpersFor(fragment.eqns.map((e) => e.primitive.name));
      const programs: GPGPUProgram[] = fragment.outVars.map((target) => {
        const source = new ShaderSource(fragment, shape);
        for (const eqn of fragment.eqns) source.equation(eqn);
        const names = fragment.inVars.map((_, j) => `In${j}`);
        return program(names, shape, source.main(target), { helpers, shapeGeneric });
      });
      const inPlace = readInPlace(fragment, shape);
      // Host inputs are bools (see data.ts), which go up for the call.
      return (inputs) =>
        withTextures(
          tf,
          inputs.map((buffer, j) => ({ buffer, shape: fragment.inVars[j]!.aval.shape })),
          (infos) => {
            const views = infos.map((info, j) => {
              const v = fragment.inVars[j]!;
              return view(info, inPlace(v) ? shape : v.aval.shape);
            });
            return programs.map((p) => ({ kind: 'texture', info: runProgram(tf, p, views, shape) }));
          },
        );
    },
  };
}
