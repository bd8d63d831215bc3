export { customJvp } from './custom-jvp.js';
export { customJvpCallP, type CustomJvpParams } from './custom-jvp-primitive.js';
export { customLinP, type CustomLinParams } from './custom-lin.js';
export { customVjp } from './custom-vjp.js';
export { customVjpCallP, type CustomVjpParams } from './custom-vjp-primitive.js';
