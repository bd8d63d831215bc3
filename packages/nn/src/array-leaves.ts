import * as ax from '@addax/core';

/** `tree`'s leaves, each checked to be an array, and its structure. */
export function flattenArrays(where: string, name: string, tree: unknown): [ax.Array[], ax.TreeDef] {
  const [leaves, def] = ax.tree.flatten(tree);
  leaves.forEach((leaf, i) => {
    if (!(leaf instanceof ax.Array)) {
      throw new ax.ParameterError(
        `${where}: leaf ${i} of ${name} ${def.toString()} is ${typeof leaf}, not an array`,
      );
    }
  });
  return [leaves as ax.Array[], def];
}
