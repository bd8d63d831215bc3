export { asArray, broadcastTo, promotedDType } from './convert.js';
