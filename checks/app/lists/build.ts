/**
 * The plan's lists (§二(一), §二(五)), computed from the model: per department, the clean-up and
 * integration list (清理整合的信息系统清单), the platform-connection list (接入大协同/大数据平台信息系统清单),
 * and the resource catalogue (政务信息资源目录). Rows are in department order (code points), the
 * inventory's order within a department. Pure: same environment and date, same lists.
 */
import { compareCodePoints } from '../../core/order';
import type { DataResource, Environment, InfoSystem, IsoDate } from '../../core/types';
import { cleanupOf, connectionsOf, type CleanupFacts } from '../../plan/scorecard/facts';

export interface CleanupRow {
  department: string;
  system: string;
  name?: string;
  class?: string;
  consequence: CleanupFacts['consequence'];
  platform?: string;
  deadline?: IsoDate;
  omStatus?: string;
  omReference?: string;
}

export type ConnectionStatus = 'connected' | 'planned' | 'missing';

export interface ConnectionRow {
  department: string;
  system: string;
  name?: string;
  platform: string;
  platformName?: string;
  required: boolean;
  connectedOn?: IsoDate;
  /** connected: on or before the date; planned: a later date; missing: no date. */
  status: ConnectionStatus;
}

export interface CatalogueRow extends DataResource {
  department: string;
  system: string;
  systemName?: string;
}

export interface DepartmentLists {
  id: string;
  name: string;
  cleanup: CleanupRow[];
  connections: ConnectionRow[];
  catalogue: CatalogueRow[];
}

export interface PlanLists {
  environment: string;
  asOf: IsoDate;
  departments: DepartmentLists[];
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function cleanupRow(env: Environment, s: InfoSystem): CleanupRow {
  const c = cleanupOf(env, s);
  return defined({ department: s.department, system: s.id, name: s.name, class: s.class, consequence: c.consequence, platform: c.platform, deadline: c.deadline, omStatus: s.funding?.omStatus, omReference: s.funding?.omReference });
}

function connectionRows(env: Environment, s: InfoSystem, asOf: IsoDate): ConnectionRow[] {
  const names = new Map(env.topology.platforms.map((p) => [p.id, p.name]));
  return connectionsOf(env, s).map((c) =>
    defined({
      department: s.department,
      system: s.id,
      name: s.name,
      platform: c.platform,
      platformName: names.get(c.platform),
      required: c.required,
      connectedOn: c.connectedOn,
      status: c.connectedOn === undefined ? 'missing' : c.connectedOn <= asOf ? 'connected' : 'planned',
    } as ConnectionRow),
  );
}

/** Systems in department order, the inventory's order within a department. */
export function systemsByDepartment(env: Environment): InfoSystem[] {
  return env.inventory.systems.map((s, i) => ({ s, i })).sort((a, b) => compareCodePoints(a.s.department, b.s.department) || a.i - b.i).map((x) => x.s);
}

/** The lists of every department, or of the one named (`btyun lists --department ID`). */
export function buildLists(env: Environment, asOf: IsoDate, department?: string): PlanLists {
  const systems = systemsByDepartment(env);
  const departments = [...env.inventory.departments].filter((d) => department === undefined || d.id === department).sort((a, b) => compareCodePoints(a.id, b.id));
  return {
    environment: env.name,
    asOf,
    departments: departments.map((d) => {
      const mine = systems.filter((s) => s.department === d.id);
      return {
        id: d.id,
        name: d.name,
        cleanup: mine.map((s) => cleanupRow(env, s)),
        // Connections are listed for the systems that connect or must connect.
        connections: mine.flatMap((s) => connectionRows(env, s, asOf)),
        catalogue: mine.flatMap((s) => (s.dataResources ?? []).map((r) => defined({ department: s.department, system: s.id, systemName: s.name, ...r }))),
      };
    }),
  };
}
