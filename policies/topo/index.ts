import type { Rule } from '../../checks/engine/types';
import { definePack, type Pack } from '../sdk/define';
import { TOPO_001 } from './topo-001-three-corps-centers';
import { TOPO_002 } from './topo-002-two-places-three-centers';
import { TOPO_003 } from './topo-003-one-center-per-division';
import { TOPO_004 } from './topo-004-division-dr-via-corps';
import { TOPO_005 } from './topo-005-carrier-grade-availability';

/** The TOPO pack (plan §二(三)), in id order. */
export const TOPO_PACK: Pack = definePack({
  id: 'topo',
  prefix: 'TOPO',
  title: { zh: '拓扑', en: 'Topology' },
  authority: '新兵办发〔2017〕187号 §二(三)',
  rules: [TOPO_001, TOPO_002, TOPO_003, TOPO_004, TOPO_005],
});

export const TOPO_RULES: readonly Rule[] = TOPO_PACK.rules;
