/**
 * MLPS-019 — 8.1.4.11 个人信息保护: collect and keep only the personal information the business
 * needs, and prevent its unauthorized use. Evidence (inventory): a system with personalInfo
 * declares which data resources are personal; personal data resources are shared only
 * conditionally (有条件共享) with a stated purpose; personal data on a system that does not declare
 * personalInfo is a finding too.
 * Counted: every system of the inventory at levels 2+.
 */
import { countEvaluated, defineRule, fromLevel, indexedSystems, isFilled, mlpsControls, type InfoSystem, type RawFinding } from '../sdk';
import { applies, systemLevel } from './lib/levels';

const LEVELS = fromLevel(2);

function systemFindings(s: InfoSystem, i: number): RawFinding[] {
  const out: RawFinding[] = [];
  const at = (path: string) => ({ doc: 'inventory' as const, path: `/systems/${i}${path}`, system: s.id });
  const resources = s.dataResources ?? [];
  if (s.personalInfo === true && !resources.some((d) => d.personal === true)) {
    out.push({
      ...at(resources.length > 0 ? '/dataResources' : '/personalInfo'),
      message: {
        zh: `系统 ${s.id} 声明持有个人信息，但没有任何数据资源标明 personal: true`,
        en: `System ${s.id} holds personal information but marks no data resource personal: true`,
      },
    });
  }
  resources.forEach((d, j) => {
    if (d.personal !== true) return;
    const name = `${d.id}${d.name ? `（${d.name}）` : ''}`;
    const nameEn = `${d.id}${d.name ? ` (${d.name})` : ''}`;
    if (s.personalInfo !== true) {
      out.push({
        ...at(`/dataResources/${j}/personal`),
        message: {
          zh: `系统 ${s.id} 的数据资源 ${name} 含个人信息，但系统未声明 personalInfo: true`,
          en: `Data resource ${nameEn} of system ${s.id} is personal, but the system does not declare personalInfo: true`,
        },
      });
    }
    if (d.sharing === 'unconditional') {
      out.push({
        ...at(`/dataResources/${j}/sharing`),
        message: {
          zh: `含个人信息的数据资源 ${name}（系统 ${s.id}）被设为无条件共享`,
          en: `Personal data resource ${nameEn} of system ${s.id} is shared unconditionally`,
        },
      });
    } else if (d.sharing === 'conditional' && !isFilled(d.purpose)) {
      out.push({
        ...at(`/dataResources/${j}`),
        message: {
          zh: `含个人信息的数据资源 ${name}（系统 ${s.id}）有条件共享但未写明共享用途`,
          en: `Personal data resource ${nameEn} of system ${s.id} is shared conditionally without a stated purpose`,
        },
      });
    }
  });
  return out;
}

export const MLPS_019 = defineRule({
  id: 'MLPS-019',
  pack: 'mlps',
  severity: 'medium',
  title: { zh: '个人信息须声明并仅有条件共享', en: 'Systems holding personal information declare it, and share it only conditionally with a stated purpose' },
  clause: 'GB/T 22239-2019 8.1.4.11',
  levels: LEVELS,
  controls: { 2: mlpsControls('7.1.4.10', 'a', 'b'), 3: mlpsControls('8.1.4.11', 'a', 'b'), 4: mlpsControls('9.1.4.11', 'a', 'b') },
  remediation: {
    zh: '在 inventory.yaml 中声明 personalInfo 并标明含个人信息的数据资源；这些资源只能有条件共享（写明 purpose）或不予共享。',
    en: 'Declare personalInfo in inventory.yaml and mark the personal data resources; share them only conditionally (with a purpose) or not at all.',
  },
  inputs: ['model'],
  check(ctx) {
    const env = ctx.env;
    const judged = indexedSystems(env).filter(({ system }) => applies(LEVELS, systemLevel(env, system.id)));
    countEvaluated(ctx, judged.length);
    return judged.flatMap(({ system, index }) => systemFindings(system, index));
  },
});
