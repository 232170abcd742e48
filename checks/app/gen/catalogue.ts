/**
 * Fixed reference data the generator draws from: the 14 divisions (师/市), the corps departments
 * and the shared platforms, as in the plan (新兵办发〔2017〕187号) and the production environment.
 */
import type { Department, Division, Platform } from '../../core/types';

export const DIVISIONS: readonly Division[] = [
  { id: 'div-1', name: '第一师', city: '阿拉尔市' },
  { id: 'div-2', name: '第二师', city: '铁门关市' },
  { id: 'div-3', name: '第三师', city: '图木舒克市' },
  { id: 'div-4', name: '第四师', city: '可克达拉市' },
  { id: 'div-5', name: '第五师', city: '双河市' },
  { id: 'div-6', name: '第六师', city: '五家渠市' },
  { id: 'div-7', name: '第七师', city: '胡杨河市' },
  { id: 'div-8', name: '第八师', city: '石河子市' },
  { id: 'div-9', name: '第九师', city: '白杨市' },
  { id: 'div-10', name: '第十师', city: '北屯市' },
  { id: 'div-11', name: '第十一师（建工师）' },
  { id: 'div-12', name: '第十二师' },
  { id: 'div-13', name: '第十三师', city: '新星市' },
  { id: 'div-14', name: '第十四师', city: '昆玉市' },
];

export const HEADQUARTERS_CITY = '乌鲁木齐市';
/** City of the off-site corps DR center (异地灾备). */
export const REMOTE_DR_CITY = '石河子市';

/** Corps departments (兵团机关部门); 机要局 is left out: its systems are classified (政务内网). */
export const DEPARTMENTS: readonly Department[] = [
  ['bb', '编办'],
  ['fgw', '发展改革委'],
  ['jyj', '教育局'],
  ['rsj', '人社局'],
  ['mzj', '民政局'],
  ['cwj', '财务局'],
  ['gaj', '公安局'],
  ['gtj', '国土局'],
  ['hbj', '环保局'],
  ['jtj', '交通局'],
  ['slj', '水利局'],
  ['nyj', '农业局'],
  ['swj', '商务局'],
  ['wsj', '卫生局'],
  ['syj', '食药监局'],
  ['rkjsw', '人口计生委'],
  ['sjj', '审计局'],
  ['tjj', '统计局'],
  ['lyj', '旅游局'],
  ['ajj', '安监局'],
  ['xfj', '信访局'],
  ['ggzy', '公共资源交易中心'],
  ['dzzwb', '电子政务办'],
].map(([id, name]) => ({ id, name, group: `grp-${id}-ops` }));

export const PLATFORMS: readonly Platform[] = [
  { id: 'dxt', name: '大协同', kind: 'collaboration' },
  { id: 'dsj', name: '大数据', kind: 'data' },
  { id: 'dfw', name: '大服务', kind: 'service' },
  { id: 'gateway', name: '统一接入网关', kind: 'gateway' },
];

/** What a generated system does (功能), by kind of business. */
export const FUNCTIONS: readonly (readonly [string, string])[] = [
  ['业务办理系统', '受理、审核和办结本部门政务服务事项'],
  ['审批管理系统', '行政审批事项的网上申报、审批流转和结果公开'],
  ['统计分析系统', '归集业务数据，生成统计报表和分析结果'],
  ['信息发布系统', '发布政策文件、通知公告和办事指南'],
  ['档案管理系统', '电子档案的归档、检索和利用'],
  ['监测预警系统', '业务运行监测、风险预警和应急处置'],
  ['数据共享系统', '向大数据平台提供本部门共享数据'],
  ['协同办公系统', '本部门公文流转、督查督办和协同办公'],
];

export const REGISTRY = 'registry.xjbt.gov.cn';
