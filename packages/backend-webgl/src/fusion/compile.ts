import {
  BackendError,
  sizeOf,
  type BroadcastInDimParams,
  type Equation,
  type FusedKernel,
  type FusionCompiler,
  type IotaParams,
  type IR,
  type Var,
} from '@addax/core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { temporaryTexture, type WebGLData } from '../data.js';
import { GLSL_HELPERS, glslOfEquation } from '../programs/glsl-ops.js';
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
    fragment.inVars.forEach((v, j) => {
      // Inputs of the fragment's shape (or its size: a reshape's operand) are read in place.
      if (sizeOf(v.aval.shape) === sizeOf(shape)) this.#names.set(v, `getIn${j}AtOutCoords()`);
    });
  }

  #define(v: Var, e: string): void {
    const name = `v${this.#lines.length}`;
    this.#lines.push(`float ${name} = ${e};`);
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
    if (name === 'iota') {
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
 * iota feeding them) becomes one shader per output, compiled once per cached program; tfjs caches
 * the GL program by its source and shapes.
 */
export function webglFusion(tf: MathBackendWebGL): FusionCompiler<WebGLData> {
  return {
    canFuse: (eqn) =>
      onTextures(eqn) && (INDEXED.has(eqn.primitive.name) || glslOfEquation(eqn) !== undefined),
    compile(fragment: IR): FusedKernel<WebGLData> | undefined {
      const shape = fragment.outVars[0]!.aval.shape;
      if (shape.length > MAX_RANK || sizeOf(shape) === 0) return undefined;
      const programs: GPGPUProgram[] = fragment.outVars.map((target) => {
        const source = new ShaderSource(fragment, shape);
        for (const eqn of fragment.eqns) source.equation(eqn);
        const names = fragment.inVars.map((_, j) => `In${j}`);
        return program(names, shape, source.main(target), { helpers: GLSL_HELPERS, shapeGeneric: true });
      });
      return (inputs) => {
        // Host inputs are bools (see data.ts): they go up as temporary textures.
        const temporary: TensorInfo[] = [];
        const infos = inputs.map((b, j) => {
          const v = fragment.inVars[j]!;
          const info = b.kind === 'texture' ? b.info : temporaryTexture(tf, b.data, v.aval.shape);
          if (b.kind === 'host') temporary.push(info);
          return view(info, sizeOf(v.aval.shape) === sizeOf(shape) ? shape : v.aval.shape);
        });
        try {
          return programs.map((p) => ({ kind: 'texture', info: runProgram(tf, p, infos, shape) }));
        } finally {
          for (const t of temporary) tf.disposeData(t.dataId);
        }
      };
    },
  };
}
