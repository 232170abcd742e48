import type { Rule } from '../../checks/engine/types';
import { definePack, type Pack } from '../sdk/define';
import { MIG_001 } from './mig-001-migration-coverage';
import { MIG_002 } from './mig-002-wave-deadlines';
import { MIG_003 } from './mig-003-dependency-order';
import { MIG_004 } from './mig-004-center-capacity';
import { MIG_005 } from './mig-005-overdue-waves';
import { MIG_006 } from './mig-006-machine-rooms-emptied';
import { MIG_007 } from './mig-007-division-without-center';
import { MIG_008 } from './mig-008-new-systems-on-cloud';
import { MIG_009 } from './mig-009-rehoming';

/** The MIG pack (migration plan, 新兵办发〔2017〕187号 §二(三)、§二(四)), in id order. */
export const MIG_PACK: Pack = definePack({
  id: 'mig',
  prefix: 'MIG',
  title: { zh: '迁移计划', en: 'Migration plan' },
  authority: '新兵办发〔2017〕187号 §二(三)、§二(四)、§二(九)',
  rules: [MIG_001, MIG_002, MIG_003, MIG_004, MIG_005, MIG_006, MIG_007, MIG_008, MIG_009],
});

export const MIG_RULES: readonly Rule[] = MIG_PACK.rules;
