import type { Rule } from '../../checks/engine/types';

/** The EXC pack. */
export const EXC_RULES: readonly Rule[] = [];
