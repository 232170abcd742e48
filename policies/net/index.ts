import type { Rule } from '../../checks/engine/types';

/** The NET pack. */
export const NET_RULES: readonly Rule[] = [];
