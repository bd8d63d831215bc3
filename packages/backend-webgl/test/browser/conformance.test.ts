// The whole conformance suite on the browser lane (chromium, WebGL2 through SwiftShader).
import { runConformance } from '@addax/conformance';
import '../../src/index.js';

runConformance({ backend: 'webgl', env: import.meta.env });
