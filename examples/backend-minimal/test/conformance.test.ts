// The whole conformance suite against this backend: every primitive (32 by kernel, the rest
// through their decompositions) and every transformation law, compared with backend-cpu.
import { runConformance } from '@addax/conformance';
import { createMinimalBackend } from '../src/index.js';

runConformance({ backend: createMinimalBackend, name: 'minimal' });
