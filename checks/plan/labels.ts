/** Bilingual names used in MIG findings and the migration report (Chinese first, English beside). */
import type { LocationKind, SystemLocation, WaveKind } from '../core/types';

export const LOCATION_KIND: Readonly<Record<LocationKind, { zh: string; en: string }>> = {
  cloud: { zh: '兵团云', en: 'corps cloud' },
  'department-room': { zh: '部门机房', en: 'department machine room' },
  'division-room': { zh: '师级分散机房', en: 'division machine room' },
  'regiment-room': { zh: '团场机房', en: 'regiment machine room' },
  intranet: { zh: '政务内网', en: 'e-government intranet' },
  external: { zh: '外部托管', en: 'externally hosted' },
};

export const WAVE_KIND: Readonly<Record<WaveKind, { zh: string; en: string }>> = {
  'center-move': { zh: '数据中心迁移', en: 'center move' },
  'division-consolidation': { zh: '师市整合', en: 'division consolidation' },
  'platform-connection': { zh: '平台接入', en: 'platform connection' },
};

function kindOf(loc: SystemLocation): { zh: string; en: string } {
  return LOCATION_KIND[loc.kind] ?? { zh: loc.kind, en: loc.kind };
}

/** `部门机房 人社局三楼机房` / `department machine room 人社局三楼机房`; a cloud location names its center. */
export function describeLocation(loc: SystemLocation): { zh: string; en: string } {
  const k = kindOf(loc);
  const where = loc.kind === 'cloud' ? loc.center : loc.site ?? loc.division;
  return where === undefined ? k : { zh: `${k.zh} ${where}`, en: `${k.en} ${where}` };
}

/** `人社系统 (hrss-social)` */
export function systemLabel(s: { id: string; name: string }): string {
  return s.name === s.id ? s.id : `${s.name} (${s.id})`;
}
