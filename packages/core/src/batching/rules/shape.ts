// Placeholder until this family's rules are written; replaced by the family's rule file.
export const shapeBatchers = {};
