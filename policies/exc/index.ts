import type { Rule } from '../../checks/engine/types';
import { definePack, type Pack } from '../sdk/define';
import { EXC_001 } from './exc-001-valid-suppression';
import { EXC_002 } from './exc-002-stale-exception';
import { EXC_003 } from './exc-003-policy-weakening';

/** The EXC pack: exceptions (suppressions and approved weakenings of the policy). */
export const EXC_PACK: Pack = definePack({
  id: 'exc',
  prefix: 'EXC',
  title: { zh: '例外', en: 'Exceptions' },
  authority: 'btyun policy: suppressions and policy exceptions (例外审批)',
  rules: [EXC_001, EXC_002, EXC_003],
});

export const EXC_RULES: readonly Rule[] = EXC_PACK.rules;
