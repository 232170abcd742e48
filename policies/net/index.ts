import type { Rule } from '../../checks/engine/types';
import { definePack, type Pack } from '../sdk/define';
import { NET_001 } from './net-001-private-networks-merged';
import { NET_002 } from './net-002-classified-on-intranet';
import { NET_003 } from './net-003-intranet-isolated';
import { NET_004 } from './net-004-internet-exposure';
import { NET_005 } from './net-005-zone-flows';
import { NET_006 } from './net-006-platform-connection';

/** The NET pack (plan §二(二), §二(四), §三(七)), in id order. */
export const NET_PACK: Pack = definePack({
  id: 'net',
  prefix: 'NET',
  title: { zh: '网络整合', en: 'Network integration' },
  authority: '新兵办发〔2017〕187号 §二(二)、§二(四)、§三(七)',
  rules: [NET_001, NET_002, NET_003, NET_004, NET_005, NET_006],
});

export const NET_RULES: readonly Rule[] = NET_PACK.rules;
