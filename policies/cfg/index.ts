import { definePack, type Pack } from '../sdk';
import { CFG_001 } from './cfg-001-readable-resources';
import { CFG_002 } from './cfg-002-known-values';
import { CFG_003 } from './cfg-003-no-smuggled-templates';
import { CFG_004 } from './cfg-004-checked-is-deployed';

/** The CFG pack: configuration the rules can judge (fail closed). */
export const CFG_PACK: Pack = definePack({
  id: 'cfg',
  prefix: 'CFG',
  title: { zh: '可验证配置', en: 'Verifiable configuration (fail closed)' },
  authority: 'btyun gate: fail closed (无法验证即不通过)',
  rules: [CFG_001, CFG_002, CFG_003, CFG_004],
});

export const CFG_RULES: Pack['rules'] = CFG_PACK.rules;
