import type { Rule } from '../../checks/engine/types';

/** The MIG pack. */
export const MIG_RULES: readonly Rule[] = [];
