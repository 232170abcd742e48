import type { Rule } from '../../checks/engine/types';

/** The K8S pack. */
export const K8S_RULES: readonly Rule[] = [];
