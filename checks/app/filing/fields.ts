/**
 * The filing form (备案表): one column per filing field, named in Chinese as departments write
 * them and by the model's field path in English. The one table both directions read: `lists`
 * writes a system's row with it, `import filing` reads a row back into a system.
 *
 * Kinds: `text` (kept as written), `id` (a Kubernetes name), `ids` (comma-separated ids), `date`,
 * `number`, `integer`, `bool` (是/否), `enum` (a Chinese label or the English value), `ports`
 * (comma-separated integers), `platforms` (`dxt:2017-12-23, dsj` — id and connection date).
 */
export type FieldKind = 'text' | 'id' | 'ids' | 'date' | 'number' | 'integer' | 'bool' | 'enum' | 'ports' | 'platforms';

export interface Field {
  /** The model's path, dot-separated (`approval.date`); also the English header. */
  path: string;
  /** The Chinese header. */
  zh: string;
  kind: FieldKind;
  /** For `enum`: each value and its Chinese label. */
  values?: Readonly<Record<string, string>>;
  /** Every form must have the column (the schema requires the field, or the plan §二(一) names it). */
  required?: boolean;
}

export const CLASS_LABELS: Readonly<Record<string, string>> = { retire: '淘汰', replace: '替代', keep: '继续使用' };
export const SHARING_LABELS: Readonly<Record<string, string>> = { unconditional: '无条件共享', conditional: '有条件共享', none: '不予共享' };
export const OM_STATUS_LABELS: Readonly<Record<string, string>> = { active: '在用', reapproved: '重新核准', cancelled: '取消', 'cancel-after-replacement': '替代后取消' };

const BOOL = 'bool' as const;

/** The systems sheet (备案 filing): one row per system. */
export const SYSTEM_FIELDS: readonly Field[] = [
  { path: 'id', zh: '系统标识', kind: 'id', required: true },
  { path: 'name', zh: '名称', kind: 'text', required: true },
  { path: 'function', zh: '功能', kind: 'text', required: true },
  { path: 'department', zh: '部门', kind: 'id', required: true },
  { path: 'class', zh: '分类', kind: 'enum', values: CLASS_LABELS },
  { path: 'scope.level', zh: '使用范围', kind: 'enum', values: { corps: '兵团级', division: '师级', regiment: '团场级' }, required: true },
  { path: 'scope.divisions', zh: '覆盖师市', kind: 'ids' },
  { path: 'scope.vertical', zh: '纵向业务系统', kind: BOOL },
  { path: 'scope.description', zh: '使用范围说明', kind: 'text' },
  { path: 'usageFrequency', zh: '使用频度', kind: 'enum', values: { continuous: '持续', daily: '每天', weekly: '每周', monthly: '每月', yearly: '每年', rarely: '很少', never: '从不' }, required: true },
  { path: 'approval.department', zh: '审批部门', kind: 'text', required: true },
  { path: 'approval.date', zh: '审批时间', kind: 'date', required: true },
  { path: 'approval.reference', zh: '审批文号', kind: 'text' },
  { path: 'funding.source', zh: '经费来源', kind: 'text', required: true },
  { path: 'funding.channel', zh: '经费渠道', kind: 'text' },
  { path: 'funding.investment', zh: '投资额度（万元）', kind: 'number' },
  { path: 'funding.omCost', zh: '运维费用（万元/年）', kind: 'number' },
  { path: 'funding.omStatus', zh: '运维经费', kind: 'enum', values: OM_STATUS_LABELS },
  { path: 'funding.omReference', zh: '运维经费文号', kind: 'text' },
  { path: 'builder', zh: '建设单位', kind: 'text' },
  { path: 'replacement.platform', zh: '替代平台', kind: 'id' },
  { path: 'replacement.deadline', zh: '替代期限', kind: 'date' },
  { path: 'mlps.level', zh: '等保级别', kind: 'integer' },
  { path: 'mlps.filingNumber', zh: '等级保护备案号', kind: 'text' },
  { path: 'mlps.lastAssessment', zh: '等保测评时间', kind: 'date' },
  { path: 'classified', zh: '涉密', kind: BOOL },
  { path: 'classifiedFiling', zh: '分级保护备案', kind: 'text' },
  { path: 'personalInfo', zh: '个人信息', kind: BOOL },
  { path: 'zone', zh: '网络区域', kind: 'enum', values: { 'extranet-public': '公用网络区', 'extranet-dedicated': '专用网络区', 'extranet-internet-access': '互联网接入区', intranet: '政务内网', platform: '平台区' } },
  { path: 'location.kind', zh: '部署位置', kind: 'enum', values: { cloud: '兵团云', 'department-room': '部门机房', 'division-room': '师级机房', 'regiment-room': '团场机房', intranet: '政务内网', external: '外部托管' }, required: true },
  { path: 'location.center', zh: '数据中心', kind: 'id' },
  { path: 'location.site', zh: '机房', kind: 'text' },
  { path: 'location.division', zh: '所属师市', kind: 'id' },
  { path: 'dependencies', zh: '依赖系统', kind: 'ids' },
  { path: 'platforms', zh: '接入平台', kind: 'platforms' },
  { path: 'workload.kind', zh: '工作负载类型', kind: 'enum', values: { Deployment: '无状态', StatefulSet: '有状态' } },
  { path: 'workload.image', zh: '镜像', kind: 'text' },
  { path: 'workload.replicas', zh: '副本数', kind: 'integer' },
  { path: 'workload.ports', zh: '端口', kind: 'ports' },
  { path: 'workload.storageGiB', zh: '存储（GiB）', kind: 'number' },
  { path: 'workload.resources.requests.cpu', zh: 'CPU 请求', kind: 'text' },
  { path: 'workload.resources.requests.memory', zh: '内存请求', kind: 'text' },
  { path: 'workload.resources.limits.cpu', zh: 'CPU 上限', kind: 'text' },
  { path: 'workload.resources.limits.memory', zh: '内存上限', kind: 'text' },
  { path: 'workload.healthPath', zh: '健康检查路径', kind: 'text' },
  { path: 'workload.publicHost', zh: '互联网域名', kind: 'text' },
];

/**
 * The data-resources sheet (数据资源, the 政务信息资源目录): one row per data resource, `system`
 * naming its system. `department` and `systemName` are written for readers and not read back
 * (the system's own row says them).
 */
export const RESOURCE_FIELDS: readonly Field[] = [
  { path: 'department', zh: '部门', kind: 'id' },
  { path: 'system', zh: '系统标识', kind: 'id', required: true },
  { path: 'systemName', zh: '系统名称', kind: 'text' },
  { path: 'id', zh: '资源标识', kind: 'text', required: true },
  { path: 'name', zh: '资源名称', kind: 'text', required: true },
  { path: 'sharing', zh: '共享类型', kind: 'enum', values: SHARING_LABELS, required: true },
  { path: 'purpose', zh: '共享条件', kind: 'text' },
  { path: 'personal', zh: '个人信息', kind: BOOL },
  { path: 'catalogueId', zh: '目录编号', kind: 'text' },
];

/** Resource columns that are written for readers only. */
export const RESOURCE_DERIVED: ReadonlySet<string> = new Set(['department', 'systemName']);

/** Sheet names: Chinese, then English; a reader accepts either or both. */
export const FILING_SHEET = { zh: '备案', en: 'filing' } as const;
export const RESOURCES_SHEET = { zh: '政务信息资源目录', en: 'catalogue' } as const;

/** A header as written: `名称 name`. */
export function header(f: Pick<Field, 'zh' | 'path'>): string {
  return `${f.zh} ${f.path}`;
}

/** A sheet's name as written: `备案 filing`. */
export function sheetName(s: { zh: string; en: string }): string {
  return `${s.zh} ${s.en}`;
}
