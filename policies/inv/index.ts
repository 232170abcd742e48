import type { Rule } from '../../checks/engine/types';

/** The INV pack. */
export const INV_RULES: readonly Rule[] = [];
