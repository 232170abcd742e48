/**
 * The resource label contract between stacks and checks (DOMAIN.md, "Resource labels").
 * Every Kubernetes resource the stacks create carries these; checks read them.
 */
export const LABEL_PREFIX = 'xjbt.gov.cn/';

export const LABELS = {
  system: 'xjbt.gov.cn/system',
  department: 'xjbt.gov.cn/department',
  mlpsLevel: 'xjbt.gov.cn/mlps-level',
  zone: 'xjbt.gov.cn/zone',
  center: 'xjbt.gov.cn/center',
  role: 'xjbt.gov.cn/role',
} as const;

export type PlacementRole = 'primary' | 'dr';
