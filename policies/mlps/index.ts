import { definePack, type Pack } from '../sdk';
import { MLPS_001 } from './mlps-001-namespace-zone';
import { MLPS_002 } from './mlps-002-default-deny';
import { MLPS_003 } from './mlps-003-no-allow-all';
import { MLPS_004 } from './mlps-004-redundant-workloads';
import { MLPS_005 } from './mlps-005-transport-encryption';
import { MLPS_006 } from './mlps-006-no-admin-grants';
import { MLPS_007 } from './mlps-007-separation-of-duties';
import { MLPS_008 } from './mlps-008-no-plaintext-secrets';
import { MLPS_009 } from './mlps-009-encrypted-volumes';
import { MLPS_010 } from './mlps-010-audit-log-retention';
import { MLPS_011 } from './mlps-011-audit-protection';
import { MLPS_012 } from './mlps-012-local-backup';
import { MLPS_013 } from './mlps-013-offsite-replica';
import { MLPS_014 } from './mlps-014-hot-redundancy';
import { MLPS_015 } from './mlps-015-remote-active-dr';
import { MLPS_016 } from './mlps-016-center-level';
import { MLPS_017 } from './mlps-017-in-china';
import { MLPS_018 } from './mlps-018-namespace-isolation';
import { MLPS_019 } from './mlps-019-personal-information';

/** The MLPS pack (等保 2.0, GB/T 22239-2019), in id order. */
export const MLPS_PACK: Pack = definePack({
  id: 'mlps',
  prefix: 'MLPS',
  title: { zh: '等保 2.0', en: 'MLPS 2.0 (GB/T 22239-2019)' },
  authority: 'GB/T 22239-2019; GB/T 28448-2019; 网络安全法 (2025 修正)',
  rules: [
    MLPS_001, MLPS_002, MLPS_003, MLPS_004, MLPS_005, MLPS_006, MLPS_007, MLPS_008, MLPS_009, MLPS_010,
    MLPS_011, MLPS_012, MLPS_013, MLPS_014, MLPS_015, MLPS_016, MLPS_017, MLPS_018, MLPS_019,
  ],
});

export const MLPS_RULES: Pack['rules'] = MLPS_PACK.rules;
