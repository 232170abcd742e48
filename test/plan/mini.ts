/**
 * Test helper of the migration tests: the mini base environment (test/fixtures/envs/mini/) with
 * patch.yaml-style edits, loaded through the real loader; and a MIG rule run on it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { load as parse, dump as stringify } from 'js-yaml';
import { environmentFromDocuments } from '../../checks/core/load';
import { DOCUMENT_NAMES, type DocumentName, type Environment } from '../../checks/core/types';
import type { RawFinding, Rule } from '../../checks/engine/types';
import { applyPatch, asPatchOps, type PatchOp } from '../helpers/patch';
import { buildRuleContext } from '../helpers/rule-context';

export const MINI_DIR = path.resolve(__dirname, '../fixtures/envs/mini');

export function miniDocuments(): Record<DocumentName, unknown> {
  return Object.fromEntries(DOCUMENT_NAMES.map((d) => [d, parse(fs.readFileSync(path.join(MINI_DIR, `${d}.yaml`), 'utf8')) ?? {}])) as Record<DocumentName, unknown>;
}

/** The mini environment with `ops` applied (a typo in a patch fails the loader, as it should). */
export function miniEnv(ops: readonly PatchOp[] = []): Environment {
  const docs = applyPatch(miniDocuments(), ops);
  const sources = Object.fromEntries(DOCUMENT_NAMES.map((d) => [d, { file: `mini/${d}.yaml`, text: stringify(docs[d]) }])) as Record<DocumentName, { file: string; text: string }>;
  return environmentFromDocuments('mini', MINI_DIR, sources);
}

/** The mini environment patched by a fixture folder's patch.yaml. */
export function fixtureEnv(caseDir: string): Environment {
  const patchFile = path.join(caseDir, 'patch.yaml');
  const ops = fs.existsSync(patchFile) ? asPatchOps(parse(fs.readFileSync(patchFile, 'utf8')), patchFile) : [];
  return miniEnv(ops);
}

export function runRule(rule: Rule, env: Environment, asOf: string): RawFinding[] {
  return rule.check(buildRuleContext(env, [], asOf, false));
}

/** A kept system filed with just what the MIG rules read. */
export function keptSystem(id: string, location: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, name: `${id} 系统`, department: 'hrss', class: 'keep', location, ...extra };
}

export function workload(replicas: number, cpu: string, memory: string, storageGiB = 0): Record<string, unknown> {
  return {
    kind: 'Deployment',
    image: 'registry.xjbt.gov.cn/test/app:1.0.0',
    replicas,
    ports: [8080],
    storageGiB,
    resources: { requests: { cpu, memory }, limits: { cpu, memory } },
  };
}

export const addSystem = (system: Record<string, unknown>): PatchOp => ({ op: 'add', doc: 'inventory', path: '/systems/-', value: system });

export function addWave(id: string, deadline: string, moves: Record<string, unknown>[], kind = 'center-move'): PatchOp {
  return { op: 'add', doc: 'migration', path: '/waves/-', value: { id, name: `${id} 批次`, kind, deadline, moves } };
}

export function move(system: string, from: Record<string, unknown>, to: string, done = false): Record<string, unknown> {
  return done ? { system, from, to, done: true, doneOn: '2018-04-01' } : { system, from, to };
}

export const ROOM = { kind: 'department-room', site: '人社局二楼机房' };
