/**
 * MLPS-012 — 8.1.4.9 a 数据备份恢复: local backup and recovery of important data.
 * Evidence: every deployed system with persistent data (inventory storageGiB > 0, or a PVC /
 * volume claim template of its own) has a CronJob labelled `xjbt.gov.cn/backup: local` and with
 * the system, in every stack where its primary resources are.
 * Counted: every deployed system with persistent data at levels 2+.
 */
import { CONVENTION_LABELS, countEvaluated, defineRule, fromLevel, judgedSystems, LABELS, mlpsControls, type RawFinding } from '../sdk';
import { anchorResource, backupKind, deployedSystemsAt, primaryStacks, systemFinding } from './lib/systems';

const LEVELS = fromLevel(2);

export const MLPS_012 = defineRule({
  id: 'MLPS-012',
  pack: 'mlps',
  severity: 'high',
  title: { zh: '有持久数据的系统须有本地备份计划', en: 'Every system with persistent data has a local backup schedule' },
  clause: 'GB/T 22239-2019 8.1.4.9 a',
  levels: LEVELS,
  controls: { 2: mlpsControls('7.1.4.8', 'a'), 3: mlpsControls('8.1.4.9', 'a'), 4: mlpsControls('9.1.4.9', 'a') },
  remediation: {
    zh: `在系统所在中心栈中创建 CronJob，标签 ${CONVENTION_LABELS.backup}: local 与 ${LABELS.system}: <系统>，按 topology.backup.schedule 备份。`,
    en: `Add a CronJob in the system's center stack labelled ${CONVENTION_LABELS.backup}: local and ${LABELS.system}: <system>, on topology.backup.schedule.`,
  },
  inputs: ['model', 'configuration'],
  check(ctx) {
    const out: RawFinding[] = [];
    const systems = deployedSystemsAt(ctx, LEVELS, true);
    countEvaluated(ctx, systems.length, judgedSystems(systems));
    for (const sys of systems) {
      const backups = ctx.resources.bySystem(sys).filter((r) => r.kind === 'cron_job' && backupKind(r) === 'local');
      for (const stack of primaryStacks(ctx, sys)) {
        if (backups.some((b) => b.stack === stack)) continue;
        out.push(
          systemFinding(sys, anchorResource(ctx, sys, stack), {
            zh: `系统 ${sys} 在栈 ${stack} 中有持久数据，但没有本地备份 CronJob（${CONVENTION_LABELS.backup}: local）`,
            en: `System ${sys} keeps persistent data in stack ${stack} but has no local backup CronJob (${CONVENTION_LABELS.backup}: local) there`,
          }),
        );
      }
    }
    return out;
  },
});
