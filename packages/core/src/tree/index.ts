export { flatten, leaves, map, registerPytree, structure, TreeDef, unflatten } from './pytree.js';
