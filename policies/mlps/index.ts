import type { Rule } from '../../checks/engine/types';

/** The MLPS pack. */
export const MLPS_RULES: readonly Rule[] = [];
