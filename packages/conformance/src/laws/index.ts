import type { RunSettings } from '../config.js';
import type { Outcome } from '../outcome.js';
import { gradLaw } from './grad.js';
import { jitLaw } from './jit.js';
import { jvpLaw } from './jvp.js';
import type { LawCase, LawName } from './law-case.js';
import { referenceLaw } from './reference.js';
import { transposeLaw } from './transpose.js';
import { vmapLaw } from './vmap.js';

/** How each law is checked on a backend. */
export const LAWS: Readonly<
  Record<LawName, (c: LawCase, backend: string, settings: RunSettings) => Promise<Outcome>>
> = {
  reference: referenceLaw,
  vmap: vmapLaw,
  jit: jitLaw,
  jvp: jvpLaw,
  transpose: transposeLaw,
  grad: gradLaw,
};
