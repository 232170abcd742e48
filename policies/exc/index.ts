import type { Rule } from '../../checks/engine/types';
import { EXC_001 } from './EXC-001-suppression-valid';

/** The EXC pack: exceptions (suppressions). */
export const EXC_RULES: readonly Rule[] = [EXC_001];
