import type { Rule } from '../../checks/engine/types';

/** The TOPO pack. */
export const TOPO_RULES: readonly Rule[] = [];
