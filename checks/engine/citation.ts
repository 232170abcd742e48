/**
 * What a finding cites. A rule with per-level 等保 controls (`Rule.controls`) is cited at the level
 * the finding was judged at — chapter 7 for a level-2 system, 8 for level 3, 9 for level 4 — not at
 * the level-3 clause its summary (`Rule.clause`) gives; a rule without controls cites its clause.
 *
 * The judged level of a finding: its resource's (label, else its system's filed level, else — for a
 * resource of no system — its center's, else the policy default), else its system's filed level,
 * else its center's `mlpsLevel` (center rules judge a center at the highest level it may host).
 */
import type { Environment, MlpsLevel } from '../core/types';
import type { ControlsByLevel, MlpsControl } from './controls';
import type { RawFinding, Rule } from './types';

export const MLPS_STANDARD = 'GB/T 22239-2019';

const LEVEL_ZH: Record<MlpsLevel, string> = { 1: '一', 2: '二', 3: '三', 4: '四' };

export interface Citation {
  /** The clause string the finding prints. */
  clause: string;
  /** Present for a rule with controls, when the judged level is one the rule applies to. */
  level?: MlpsLevel;
  controls?: readonly MlpsControl[];
}

/** `8.1.4.9 b 数据备份恢复 (data backup and recovery)`; items of one control written together (`a,b`). */
export function controlsText(controls: readonly MlpsControl[]): string {
  const groups: { control: MlpsControl; items: string[] }[] = [];
  for (const c of controls) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.control.clause === c.clause) {
      if (c.item !== undefined) last.items.push(c.item);
    } else groups.push({ control: c, items: c.item !== undefined ? [c.item] : [] });
  }
  return groups
    .map(({ control, items }) => {
      const en = control.part === 'cloud' ? `${control.name.en}; 云计算扩展要求 cloud extension` : control.name.en;
      return `${control.clause}${items.length > 0 ? ` ${items.join(',')}` : ''} ${control.name.zh} (${en})`;
    })
    .join('; ');
}

/** The citation of one level's controls, e.g. `GB/T 22239-2019 7.1.4.8 a 数据备份恢复 (…)`. */
export function levelClause(controls: readonly MlpsControl[], level: MlpsLevel, statute?: string): string {
  const standard =
    controls.length > 0 ? `${MLPS_STANDARD} ${controlsText(controls)}` : `${MLPS_STANDARD} 第${LEVEL_ZH[level]}级无对应控制点 (no level-${level} control)`;
  return statute !== undefined ? `${standard}; ${statute}` : standard;
}

/** A rule's citation at `level` (undefined, or a level it does not apply to: its summary clause). */
export function citation(rule: Pick<Rule, 'clause' | 'levels' | 'controls' | 'statute'>, level: MlpsLevel | undefined): Citation {
  const controls = controlsAt(rule.controls, level);
  if (level === undefined || controls === undefined || !rule.levels.includes(level)) return { clause: rule.clause };
  return { clause: levelClause(controls, level, rule.statute), level, controls };
}

function controlsAt(controls: ControlsByLevel | undefined, level: MlpsLevel | undefined): readonly MlpsControl[] | undefined {
  return controls === undefined || level === undefined ? undefined : controls[level];
}

interface LevelIndex {
  systems: Map<string, MlpsLevel>;
  centers: Map<string, MlpsLevel>;
}

// Built once per environment: findings are many, systems and centers too (btyun gen).
const INDEXES = new WeakMap<Environment, LevelIndex>();

function indexOf(env: Environment): LevelIndex {
  let index = INDEXES.get(env);
  if (index === undefined) {
    const systems = new Map<string, MlpsLevel>();
    for (const s of env.inventory.systems) if (s.mlps?.level !== undefined) systems.set(s.id, s.mlps.level);
    index = { systems, centers: new Map(env.topology.centers.map((c) => [c.id, c.mlpsLevel])) };
    INDEXES.set(env, index);
  }
  return index;
}

/** The level a raw finding was judged at (see the header), undefined when nothing tells. */
export function judgedLevel(raw: RawFinding, env: Environment): MlpsLevel | undefined {
  const { systems, centers } = indexOf(env);
  const r = raw.resource;
  if (r !== undefined) {
    const system = r.system ?? raw.system;
    // Where the resource runs: a center stack of ours, else its center label (mlps-pack.md).
    const center = raw.center ?? (centers.has(r.stack) ? r.stack : r.center);
    return r.level ?? (system !== undefined ? systems.get(system) : undefined) ?? (system === undefined && center !== undefined ? centers.get(center) : undefined) ?? env.policy.defaultMlpsLevel;
  }
  if (raw.system !== undefined) return systems.get(raw.system);
  return raw.center !== undefined ? centers.get(raw.center) : undefined;
}

/** The citation of a raw finding of `rule`: what `toFinding` (run.ts) writes into the Finding. */
export function findingCitation(rule: Rule, raw: RawFinding, env: Environment): Citation {
  return rule.controls === undefined ? { clause: rule.clause } : citation(rule, judgedLevel(raw, env));
}
