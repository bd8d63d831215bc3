export {
  flatten,
  isPlainObject,
  leaves,
  map,
  registerPytree,
  structure,
  TreeDef,
  unflatten,
} from './pytree.js';
