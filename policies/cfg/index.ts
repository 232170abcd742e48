import type { Rule } from '../../checks/engine/types';
import { CFG_001 } from './cfg-001-readable-resources';
import { CFG_002 } from './cfg-002-known-values';

/** The CFG pack: configuration the rules can judge (fail closed). */
export const CFG_RULES: readonly Rule[] = [CFG_001, CFG_002];
