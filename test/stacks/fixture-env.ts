/**
 * Environments for the stack tests: the shared small environment test/fixtures/envs/mini, and a
 * variant with the cases mini does not have (a division system, an Internet-facing portal, a replaced
 * system, a vertical system filed at a division) — built as typed additions, never by editing mini.
 */
import * as path from 'node:path';
import { loadEnvironment } from '../../checks/core/load';
import type { Environment, InfoSystem, Wave, Workload } from '../../checks/core/types';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const MINI_DIR = path.join(REPO_ROOT, 'test/fixtures/envs/mini');

export function miniEnv(): Environment {
  return loadEnvironment(MINI_DIR, { cwd: REPO_ROOT });
}

function workload(extra: Partial<Workload> = {}): Workload {
  return {
    kind: 'Deployment',
    image: 'registry.xjbt.gov.cn/test/app:1.0.0',
    replicas: 2,
    ports: [8080],
    resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
    ...extra,
  };
}

export const EXTRA_SYSTEMS: InfoSystem[] = [
  {
    id: 'div8-farm-subsidy',
    department: 'hrss',
    class: 'keep',
    mlps: { level: 3 },
    zone: 'extranet-dedicated',
    location: { kind: 'division-room', division: 'div-8', site: '第八师信息中心机房' },
    dependencies: ['hrss-social-insurance'],
    platforms: [{ platform: 'dsj' }],
    workload: workload({ storageGiB: 10, replicas: 1 }),
  },
  {
    id: 'corps-portal',
    department: 'hrss',
    class: 'keep',
    mlps: { level: 2 },
    zone: 'extranet-internet-access',
    location: { kind: 'cloud', center: 'corps-primary' },
    platforms: [{ platform: 'gateway' }],
    workload: workload({ publicHost: 'www.xjbt.gov.cn', ports: [8443] }),
  },
  {
    id: 'hrss-legacy-reporting',
    department: 'hrss',
    class: 'replace',
    replacement: { platform: 'dsj', deadline: '2018-06-30' },
    mlps: { level: 2 },
    zone: 'extranet-dedicated',
    location: { kind: 'cloud', center: 'corps-primary' },
    workload: workload(),
  },
  {
    id: 'police-traffic',
    department: 'police',
    class: 'keep',
    scope: { level: 'division', divisions: ['div-8'], vertical: true },
    mlps: { level: 3 },
    zone: 'extranet-dedicated',
    location: { kind: 'division-room', division: 'div-8' },
    workload: workload({ kind: 'StatefulSet', storageGiB: 5 }),
  },
];

export const EXTRA_WAVE: Wave = {
  id: 'wave-2',
  name: '第八师分散机房整合 (division consolidation)',
  kind: 'division-consolidation',
  deadline: '2018-06-30',
  moves: [
    { system: 'div8-farm-subsidy', from: { kind: 'division-room', division: 'div-8' }, to: 'div-8' },
    { system: 'police-traffic', from: { kind: 'division-room', division: 'div-8' }, to: 'div-8' },
  ],
};

/** mini plus EXTRA_SYSTEMS and EXTRA_WAVE (and any further systems given). */
export function richEnv(more: InfoSystem[] = []): Environment {
  return withChanges(miniEnv(), { systems: [...EXTRA_SYSTEMS, ...more], waves: [EXTRA_WAVE] });
}

/** A copy of `env` with systems and waves appended (the loaded environment itself is frozen). */
export function withChanges(env: Environment, add: { systems?: InfoSystem[]; waves?: Wave[] }): Environment {
  return {
    ...env,
    inventory: { ...env.inventory, systems: [...env.inventory.systems, ...(add.systems ?? [])] },
    migration: { ...env.migration, waves: [...env.migration.waves, ...(add.waves ?? [])] },
  };
}
