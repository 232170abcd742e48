/**
 * The lists as tables (CSV files, XLSX sheets): 清理整合清单 cleanup, 接入平台清单 connections,
 * 政务信息资源目录 catalogue — and 备案 filing, every system's full filing in the form
 * `btyun import filing` reads back (the catalogue sheet carries its data resources).
 */
import type { Environment } from '../../core/types';
import type { CellValue, SheetSpec } from '../sheets';
import { CLASS_LABELS, FILING_SHEET, header, OM_STATUS_LABELS, RESOURCE_FIELDS, RESOURCES_SHEET, sheetName, SYSTEM_FIELDS } from '../filing/fields';
import { rowOf } from '../filing/to-row';
import { systemsByDepartment, type PlanLists } from './build';
import { CONNECTION_STATUS, CONSEQUENCE } from './labels';

/** A table of the lists: its file stem (CSV), its sheet name (XLSX) and its rows, header first. */
export interface ListTable extends SheetSpec {
  stem: string;
}

function bilingual(labels: Readonly<Record<string, string>>, v: string | undefined): CellValue {
  return v === undefined ? null : labels[v] !== undefined ? `${labels[v]} ${v}` : v;
}

export function listTables(lists: PlanLists, env: Environment): ListTable[] {
  const deps = lists.departments;
  const cleanup: CellValue[][] = [['部门 department', '部门名称 department name', '系统标识 system', '名称 name', '分类 class', '后果 consequence', '替代平台 platform', '期限 deadline', '运维经费 O&M funding', '运维经费文号 O&M reference']];
  for (const d of deps) for (const r of d.cleanup) cleanup.push([r.department, d.name, r.system, r.name, bilingual(CLASS_LABELS, r.class), CONSEQUENCE[r.consequence], r.platform, r.deadline, bilingual(OM_STATUS_LABELS, r.omStatus), r.omReference]);
  const connections: CellValue[][] = [['部门 department', '部门名称 department name', '系统标识 system', '名称 name', '平台 platform', '平台名称 platform name', '方案要求 required', '接入日期 connected on', '状态 status']];
  for (const d of deps) for (const r of d.connections) connections.push([r.department, d.name, r.system, r.name, r.platform, r.platformName, r.required ? '是 yes' : '否 no', r.connectedOn, CONNECTION_STATUS[r.status]]);
  const catalogue: CellValue[][] = [RESOURCE_FIELDS.map(header), ...deps.flatMap((d) => d.catalogue.map((r) => rowOf(RESOURCE_FIELDS, r)))];
  const listed = new Set(deps.map((d) => d.id));
  const filing: CellValue[][] = [SYSTEM_FIELDS.map(header), ...systemsByDepartment(env).filter((s) => listed.has(s.department)).map((s) => rowOf(SYSTEM_FIELDS, s))];
  return [
    { stem: 'cleanup', name: '清理整合清单 cleanup', rows: cleanup },
    { stem: 'connections', name: '接入平台清单 connections', rows: connections },
    { stem: 'catalogue', name: sheetName(RESOURCES_SHEET), rows: catalogue },
    { stem: 'filing', name: sheetName(FILING_SHEET), rows: filing },
  ];
}
