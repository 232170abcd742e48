/** What became of each system of a base environment (`btyun migration --base`): one fate per system. */
import { describe, expect, it } from 'vitest';
import { migrationHistory, migrationHistoryMarkdown, migrationHistoryText } from '../../checks/app/report/migration-history';
import { MarkdownBudget } from '../../checks/app/report/markdown-budget';
import { migrationReport } from '../../checks/app/report/migration-document';
import { migrationView } from '../../checks/plan/plan';
import type { Environment } from '../../checks/core/types';
import { addSystem, addWave, keptSystem, miniEnv, ROOM } from './mini';

const AS_OF = '2018-07-01';
const reportOf = (env: Environment) => migrationReport({ tool: { name: 'btyun', version: 'test' }, environment: env.name, failOn: 'high', view: migrationView(env, AS_OF), findings: [], blocking: 0 });

describe('migration history', () => {
  const base = miniEnv([addSystem(keptSystem('old-room-system', ROOM)), addSystem(keptSystem('vanished', ROOM))]);
  const head = miniEnv([
    addSystem(keptSystem('old-room-system', { kind: 'cloud', center: 'div-8' })),
    addWave('wave-2', '2018-06-15', [{ system: 'old-room-system', from: ROOM, to: 'div-8', done: true, doneOn: '2018-06-01' }]),
  ]);
  const history = migrationHistory({ env: head, report: reportOf(head) }, { env: base });

  it('gives every system of the base exactly one fate, and a system the head does not mention is missing', () => {
    expect(history.total).toBe(base.inventory.systems.length);
    const fates = Object.fromEntries(history.entries.map((e) => [e.system, e.fate]));
    expect(fates).toMatchObject({ 'old-room-system': 'moved', vanished: 'missing', 'hrss-legacy-payroll': 'retired', 'jiyao-doc-exchange': 'classified' });
    expect(Object.values(history.counts).reduce((a, b) => a + b, 0)).toBe(history.total);
  });

  it('says where it was, the moves that took it where it is, in code-point order of ids', () => {
    const text = migrationHistoryText(history, 'base');
    expect(text).toContain('迁移上云 kept and moved: old-room-system old-room-system 系统 — was 原在 部门机房 department-room 人社局二楼机房; wave-2 → div-8 ✓; now 现在 兵团云 cloud div-8');
    expect(text).toContain('无记录 missing (vanished without a record): vanished');
    const ids = history.entries.map((e) => e.system);
    expect(ids).toEqual([...ids].sort());
  });

  it('renders in markdown as one folded table, and counts rows that do not fit the comment', () => {
    const full = new MarkdownBudget(65_536);
    migrationHistoryMarkdown(history, 'base', full);
    expect(full.text()).toContain('| vanished vanished 系统 | 无记录 missing (vanished without a record) | 部门机房 department-room 人社局二楼机房 |  |');
    const tight = new MarkdownBudget(420);
    migrationHistoryMarkdown(history, 'base', tight);
    expect(tight.text()).toMatch(/… \d+ more not shown/);
  });
});
