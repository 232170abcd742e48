import type { Rule } from '../../checks/engine/types';
import { definePack, type Pack } from '../sdk/define';
import { INV_001 } from './inv-001-filing-complete';
import { INV_002 } from './inv-002-system-class';
import { INV_003 } from './inv-003-retired-cleaned-up';
import { INV_004 } from './inv-004-replaced-decommissioned';
import { INV_005 } from './inv-005-om-funding-reapproved';
import { INV_006 } from './inv-006-mlps-filing-assessment';
import { INV_007 } from './inv-007-no-shadow-systems';
import { INV_008 } from './inv-008-vertical-corps-level';
import { INV_009 } from './inv-009-model-consistency';

/** The INV pack (plan §二(一), §二(四), §三(六)), in id order. */
export const INV_PACK: Pack = definePack({
  id: 'inv',
  prefix: 'INV',
  title: { zh: '备案与清理', en: 'Filing and clean-up' },
  authority: '新兵办发〔2017〕187号 §二(一)、§二(四)、§三(六)',
  rules: [INV_001, INV_002, INV_003, INV_004, INV_005, INV_006, INV_007, INV_008, INV_009],
});

export const INV_RULES: readonly Rule[] = INV_PACK.rules;
