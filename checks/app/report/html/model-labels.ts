/** Bilingual names of the model's enumerations, as the report shows them. */
import type { CenterRole, SystemClass } from '../../../core/types';

export const CLASS_LABEL: Readonly<Record<SystemClass, { zh: string; en: string }>> = {
  keep: { zh: '保留', en: 'keep' },
  replace: { zh: '整合替换', en: 'replace' },
  retire: { zh: '清理撤销', en: 'retire' },
};

export const UNCLASSIFIED = { zh: '未分类', en: 'not classified' };

export const ROLE_LABEL: Readonly<Record<CenterRole, { zh: string; en: string }>> = {
  'corps-primary': { zh: '兵团级主数据中心', en: 'corps primary' },
  'corps-dr': { zh: '兵团级容灾中心', en: 'corps DR' },
  division: { zh: '师级数据中心', en: 'division center' },
};
