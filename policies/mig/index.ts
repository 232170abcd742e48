import type { Rule } from '../../checks/engine/types';
import { definePack, type Pack } from '../sdk/define';
import { MIG_001 } from './mig-001';
import { MIG_002 } from './mig-002';
import { MIG_003 } from './mig-003';
import { MIG_004 } from './mig-004';
import { MIG_005 } from './mig-005';
import { MIG_006 } from './mig-006';
import { MIG_007 } from './mig-007';

/** The MIG pack (migration plan, 新兵办发〔2017〕187号 §二(三)、§二(四)), in id order. */
export const MIG_PACK: Pack = definePack({
  id: 'mig',
  prefix: 'MIG',
  title: { zh: '迁移计划', en: 'Migration plan' },
  authority: '新兵办发〔2017〕187号 §二(三)、§二(四)、§二(九)',
  rules: [MIG_001, MIG_002, MIG_003, MIG_004, MIG_005, MIG_006, MIG_007],
});

export const MIG_RULES: readonly Rule[] = MIG_PACK.rules;
