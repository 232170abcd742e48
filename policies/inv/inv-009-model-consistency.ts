/**
 * INV-009: the model agrees with itself. Silent contradictions let a wrong plan pass: the stacks
 * drop a retired system whatever its workload says, and place a system at its last move whatever
 * its location says. So: a retired system, or a replaced one past its deadline, has no workload and
 * no cloud location; a system's location is the target of its last completed move (before any is
 * done: where its first move starts); a move is not completed (doneOn, else its wave's deadline)
 * before its target center is in service.
 */
import { ALL_LEVELS, centerById, countEvaluated, defineRule, describeLocation, displayName, indexedSystems, migrationView, planClause, type InfoSystem, type RawFinding, type SystemLocation } from '../sdk';

/** The same kind of place (and the same center, on the cloud): sites are free text, not compared. */
function sameSite(a: SystemLocation, b: SystemLocation): boolean {
  return a.kind === b.kind && (a.kind !== 'cloud' || a.center === b.center);
}

/** Switched off: retired, or replaced and past the replacement deadline. */
function switchedOff(system: InfoSystem, asOf: string): { zh: string; en: string } | undefined {
  if (system.class === 'retire') return { zh: '淘汰系统', en: 'retired system' };
  const deadline = system.replacement?.deadline;
  if (system.class === 'replace' && deadline !== undefined && asOf > deadline) return { zh: `替代期限 ${deadline} 已过的系统`, en: `system replaced on ${deadline}` };
  return undefined;
}

export const INV_009 = defineRule({
  id: 'INV-009',
  pack: 'inv',
  severity: 'high',
  title: { zh: '环境模型自洽（位置、迁移、工作负载一致）', en: 'The model agrees with itself (location, moves and workload)' },
  clause: planClause('二(一)', '二(三)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '删除淘汰或已替代系统的 workload 和兵团云位置；把 location 改为最后一次已完成迁移的目标中心；迁移的完成日期（doneOn）不得早于目标中心的 inServiceFrom。',
    en: "Remove the workload and the cloud location of a retired or replaced system; set location to the target of the last completed move; a move's doneOn is not before its target center's inServiceFrom.",
  },
  inputs: ['model'],
  check(ctx) {
    const view = migrationView(ctx.env, ctx.asOf);
    const findings: RawFinding[] = [];
    const systems = indexedSystems(ctx.env);
    // Judged: every filed system.
    countEvaluated(ctx, systems.length);
    for (const { system, index } of systems) {
      const who = displayName(system.id, system.name);
      const base = `/systems/${index}`;
      const add = (doc: 'inventory' | 'migration', path: string, zh: string, en: string): void => {
        findings.push({ doc, path, system: system.id, message: { zh: `系统 ${who}：${zh}`, en: `system ${system.id}: ${en}` } });
      };
      const off = switchedOff(system, ctx.asOf);
      if (off !== undefined && system.workload !== undefined) add('inventory', `${base}/workload`, `${off.zh}仍有工作负载 (workload)，栈不会部署它`, `a ${off.en} still has a workload, which the stacks do not deploy`);
      if (off !== undefined && system.location.kind === 'cloud') add('inventory', `${base}/location`, `${off.zh}仍位于兵团云中心 ${system.location.center}`, `a ${off.en} still has a cloud location (center ${system.location.center})`);
      const status = view.systemById.get(system.id);
      const moves = status?.moves ?? [];
      const last = [...moves].reverse().find((m) => m.done);
      const where = describeLocation(system.location);
      if (last !== undefined && !(system.location.kind === 'cloud' && system.location.center === last.to)) {
        add('inventory', `${base}/location`, `位于${where.zh}，但最后一次已完成的迁移（批次 ${last.wave}）已将它迁到 ${last.to}`, `its location is ${where.en}, but its last completed move (wave ${last.wave}) took it to ${last.to}`);
      }
      // No move done yet: the system is still where its first move starts.
      const first = moves[0];
      if (last === undefined && first !== undefined && !sameSite(system.location, first.from)) {
        const from = describeLocation(first.from);
        add('inventory', `${base}/location`, `位于${where.zh}，但其迁移（批次 ${first.wave}）尚未完成，迁移起点为${from.zh}`, `its location is ${where.en}, but its move (wave ${first.wave}) is not done and starts from ${from.en}`);
      }
      for (const m of moves) {
        if (!m.done) continue;
        const inService = centerById(ctx.env, m.to)?.inServiceFrom;
        const completed = m.doneOn ?? view.waves[m.waveOrder].deadline;
        if (inService === undefined || !(completed < inService)) continue;
        add('migration', m.doneOn !== undefined ? `${m.pointer}/doneOn` : `${m.pointer}/done`, `迁移（批次 ${m.wave}）于 ${completed} 完成，早于目标中心 ${m.to} 投入使用的日期 ${inService}`, `its move (wave ${m.wave}) is completed on ${completed}, before its target center ${m.to} is in service (${inService})`);
      }
    }
    return findings;
  },
});
