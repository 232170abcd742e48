/**
 * The generated inventory: N kept (继续使用) systems spread over every center, MLPS levels 2–4
 * (level 4 only in the corps primary center, since a division center is level 3: MLPS-016), each with
 * a complete filing (备案), a workload, acyclic dependencies (only on earlier systems of the same
 * center and zone, so every allowed flow stays inside a zone) and its 大协同/大数据 connections.
 */
import type { InfoSystem, MlpsLevel, ZoneId } from '../../core/types';
import { DEPARTMENTS, DIVISIONS, FUNCTIONS, REGISTRY } from './catalogue';
import type { CenterDraft } from './centers';
import { addDays } from './dates';
import type { Random } from './random';

export interface SystemDraft {
  system: InfoSystem;
  center: CenterDraft;
  level: MlpsLevel;
}

/** Share of systems per center role (the corps primary carries the corps-level systems). */
const CORPS_PRIMARY_SHARE = 0.3;
const CORPS_DR_SHARE = 0.03;

function centerFor(rng: Random, index: number, centers: readonly CenterDraft[]): CenterDraft {
  // The first systems go one to each center, so that every center is used even at small N.
  if (index < centers.length) return centers[index];
  const divisions = centers.filter((c) => c.role === 'division');
  const r = rng.next();
  if (r < CORPS_PRIMARY_SHARE || divisions.length === 0) return centers[0];
  if (r < CORPS_PRIMARY_SHARE + CORPS_DR_SHARE) return centers[1];
  if (r < CORPS_PRIMARY_SHARE + 2 * CORPS_DR_SHARE) return centers[2];
  return rng.pick(divisions);
}

function levelFor(rng: Random, index: number, center: CenterDraft): MlpsLevel {
  // Levels 2, 3 and 4 all appear: the first three systems (one per corps center) are 4, 3 and 2.
  if (index === 0) return 4;
  if (index === 1) return 3;
  if (index === 2) return 2;
  if (center.role === 'corps-primary') return rng.weighted<MlpsLevel>([[2, 30], [3, 55], [4, 15]]);
  return rng.weighted<MlpsLevel>([[2, 40], [3, 60]]);
}

function zoneFor(rng: Random, index: number, level: MlpsLevel): ZoneId {
  if (index < 3 || level === 4) return 'extranet-dedicated';
  return rng.weighted<ZoneId>([['extranet-dedicated', 85], ['extranet-public', 10], ['extranet-internet-access', 5]]);
}

const CPU = ['250m', '500m', '1', '2'] as const;
const CPU_LIMIT: Record<(typeof CPU)[number], string> = { '250m': '500m', '500m': '1', '1': '2', '2': '4' };
const MEMORY = ['512Mi', '1Gi', '2Gi', '4Gi'] as const;
const MEMORY_LIMIT: Record<(typeof MEMORY)[number], string> = { '512Mi': '1Gi', '1Gi': '2Gi', '2Gi': '4Gi', '4Gi': '8Gi' };

/** Reference date for assessments (测评): the generator reads no clock. */
export interface SystemOptions {
  assessedBefore: string;
}

export function draftSystems(rng: Random, count: number, centers: readonly CenterDraft[], options: SystemOptions): SystemDraft[] {
  const drafts: SystemDraft[] = [];
  /** Earlier systems by `center/zone`: the only candidates for dependencies. */
  const earlier = new Map<string, string[]>();
  const width = String(count).length;
  for (let i = 0; i < count; i++) {
    const center = centerFor(rng, i, centers);
    const level = levelFor(rng, i, center);
    const zone = zoneFor(rng, i, level);
    const department = rng.pick(DEPARTMENTS);
    const [kindName, func] = rng.pick(FUNCTIONS);
    const seq = String(i + 1).padStart(width, '0');
    const id = `${department.id}-${center.id}-s${seq}`;
    const division = center.division ? DIVISIONS.find((d) => d.id === center.division) : undefined;
    const stateful = rng.chance(0.3);
    const cpu = rng.pick(CPU);
    const memory = rng.pick(MEMORY);
    const personal = rng.chance(0.2);
    const approvalYear = rng.int(2010, 2016);
    const investment = rng.int(50, 3000);

    const key = `${center.id}/${zone}`;
    const candidates = zone === 'extranet-internet-access' ? [] : (earlier.get(key) ?? []);
    const dependencies = new Set<string>();
    const wanted = candidates.length === 0 ? 0 : rng.int(0, 2);
    for (let d = 0; d < wanted; d++) dependencies.add(rng.pick(candidates.slice(-50)));
    if (zone !== 'extranet-internet-access') earlier.set(key, [...(earlier.get(key) ?? []), id]);

    const system: InfoSystem = {
      id,
      name: `${division?.name ?? '兵团'}${department.name}${kindName}${seq}`,
      function: func,
      department: department.id,
      class: 'keep',
      scope: division ? { level: 'division', divisions: [division.id] } : { level: 'corps' },
      usageFrequency: rng.pick(['continuous', 'daily', 'weekly'] as const),
      approval: { department: '兵团发展改革委', date: `${approvalYear}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`, reference: `兵发改高技〔${approvalYear}〕${rng.int(1, 400)}号` },
      funding: {
        source: division ? '师市本级财政资金' : '兵团本级财政资金',
        channel: '兵团电子政务专项资金',
        investment,
        omCost: Math.round(investment) / 10,
        omStatus: 'reapproved',
        omReference: '兵财行〔2017〕245号',
      },
      builder: `兵团${department.name}`,
      dataResources: [
        personal
          ? { id: `${id}-d1`, name: '业务办理个人信息', sharing: 'conditional', purpose: '限政务服务事项办理时经本人授权调用', personal: true, catalogueId: `XJBT-${department.id.toUpperCase()}-${seq}` }
          : { id: `${id}-d1`, name: '业务统计数据', sharing: 'unconditional', personal: false, catalogueId: `XJBT-${department.id.toUpperCase()}-${seq}` },
      ],
      mlps: {
        level,
        filingNumber: `65990${String(level)}${seq}-18${seq}`,
        // Level 4 is assessed every six months, level 3 yearly (INV-006): stay well inside both.
        lastAssessment: addDays(options.assessedBefore, -rng.int(1, 150)),
      },
      personalInfo: personal,
      zone,
      location: { kind: 'cloud', center: center.id },
      ...(dependencies.size > 0 ? { dependencies: [...dependencies].sort() } : {}),
      workload: {
        kind: stateful ? 'StatefulSet' : 'Deployment',
        image: `${REGISTRY}/${department.id}/app-s${seq}:${rng.int(1, 5)}.${rng.int(0, 9)}.${rng.int(0, 20)}@sha256:${rng.hex(64)}`,
        replicas: level >= 3 ? rng.int(2, 3) : rng.int(1, 2),
        ports: [8080],
        ...(stateful ? { storageGiB: rng.int(1, 20) * 10 } : {}),
        resources: { requests: { cpu, memory }, limits: { cpu: CPU_LIMIT[cpu], memory: MEMORY_LIMIT[memory] } },
        ...(zone === 'extranet-internet-access' ? { publicHost: `s${seq}.${department.id}.xjbt.gov.cn` } : {}),
      },
    };
    drafts.push({ system, center, level });
  }
  return drafts;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
