/**
 * The catalogue of the 等保 2.0 controls the rules cite — ONE place: clause of GB/T 22239-2019, the
 * control's name (zh as the standard writes it, en), the requirement items the rules use, the
 * GB/T 28448-2019 test items (测评单元) where a source gave them, and the sources the entry was
 * checked against (docs/mlps-pack.md "Controls" lists each; a test keeps the two in step).
 *
 * Level 2 is chapter 7, level 3 chapter 8, level 4 chapter 9 (level 1: chapter 6); x.1 the general
 * requirements (安全通用要求), x.2 the cloud extension (云计算安全扩展要求). The levels are not a digit
 * swap: a level has fewer or more items, so the item letter moves (level-3 8.1.2.1 c is level-2
 * 7.1.2.1 a) and a control may be missing (数据保密性 is not a level-2 control). Every entry is
 * written out per level from that level's own requirements; none is a digit swap of another level's.
 *
 * `verified`: number, name and item letter each confirmed by a source quoting the standard. Entries
 * of chapters 6, 7 and 9 and of the cloud extension have their items and names from the per-level
 * requirement table (S1) but their numbers from the order of the controls only, 8.1.5.4 its number
 * from the order too, level-4 安全管理中心 from no source at all: all unverified.
 */
import type { MlpsControl, MlpsPart } from '../../checks/engine/controls';
import type { LocalizedText } from '../../checks/engine/types';

/** The public texts the entries were checked against (docs/mlps-pack.md gives the same list). */
export const MLPS_SOURCES: Readonly<Record<string, string>> = Object.freeze({
  S1: 'github HummerRisk/HummerRisk-docs docs/question/grade_protection.md (public code index file 27914269771; a longer version of the same table, with the management and cloud-extension rows: file 3265453759) — GB/T 22239-2019 requirements marked per level 1–4, control names and item order; it has no 安全管理中心 rows',
  S2: 'public code index file 37812535905 (Linux.py, 等保2.0 三级安全计算环境合规检查) — 8.1.4.1–8.1.4.11 names, L3-CES1-01…35 with the requirement text of each',
  S3: 'public code index file 69380296180 (MLPS level-3 GB/T 22239-2019 checklist mapping) — the GB/T 28448 test-item ids of level 3 per layer (L3-CNS1, L3-ABS1, L3-CES1, L3-SMC1, L3-PES2, L3-CNS2) and their counts',
  S4: 'public code index file 25450173756 (rule_inspection_report) — level-3 requirement texts in order, with layer and control names (安全计算环境, 安全管理中心)',
  S5: 'public code index file 54563043489 — 8.1.3.2 访问控制 a–c, 8.1.5.2 审计管理 a, 8.1.5.3 安全管理 a–b, 8.1.7.2 人员配备 a–b',
  S6: 'public code index file 54198191520 — 8.1.2.1 网络架构, 8.1.2.2 通信传输, 8.1.2.3 可信验证',
  S7: 'public code index file 54728051894 — 8.1.3.1 边界防护 … 8.1.3.5 安全审计 (8.1.3 安全区域边界, level 3)',
  S8: 'public code index file 56679113442 — a level-2 list 7.1.4.1 … 7.1.4.11 with 7.1.4.10 剩余信息保护 and 7.1.4.11 个人信息保护, i.e. a level-2 数据保密性; it contradicts S1 (no level-2 数据保密性) and RULES.md (level-2 backup is 7.1.4.8), and is not followed',
});

export interface CatalogueControl {
  readonly clause: string;
  readonly part: MlpsPart;
  readonly name: LocalizedText;
  /** Item letter → its GB/T 28448 test items (empty: not known). */
  readonly items: Readonly<Record<string, readonly string[]>>;
  readonly verified: boolean;
  /** Keys of MLPS_SOURCES. */
  readonly sources: readonly string[];
  /** A source that disagrees, or how the number was reached (docs/mlps-pack.md shows it). */
  readonly note?: string;
}

const NETWORK_ARCHITECTURE = { zh: '网络架构', en: 'network architecture' };
const TRANSMISSION = { zh: '通信传输', en: 'communication transmission' };
const ACCESS_CONTROL = { zh: '访问控制', en: 'access control' };
const AUDIT = { zh: '安全审计', en: 'security audit' };
const INTRUSION = { zh: '入侵防范', en: 'intrusion prevention' };
const TRUSTED = { zh: '可信验证', en: 'trusted verification' };
const CONFIDENTIALITY = { zh: '数据保密性', en: 'data confidentiality' };
const BACKUP = { zh: '数据备份恢复', en: 'data backup and recovery' };
const PERSONAL = { zh: '个人信息保护', en: 'personal information protection' };
const SYSTEM_MANAGEMENT = { zh: '系统管理', en: 'system management' };
const AUDIT_MANAGEMENT = { zh: '审计管理', en: 'audit management' };
const SECURITY_MANAGEMENT = { zh: '安全管理', en: 'security management' };
const CENTRAL = { zh: '集中管控', en: 'centralized management and control' };
const POSTS = { zh: '岗位设置', en: 'posts' };
const STAFFING = { zh: '人员配备', en: 'staffing' };
const LOCATION = { zh: '基础设施位置', en: 'infrastructure location' };

type Items = Record<string, readonly string[]>;

function entry(clause: string, name: LocalizedText, items: Items, verified: boolean, sources: string[], part: MlpsPart = 'general'): CatalogueControl {
  return Object.freeze({ clause, part, name: Object.freeze({ ...name }), items: Object.freeze({ ...items }), verified, sources: Object.freeze(sources) });
}

function noted(c: CatalogueControl, note: string): CatalogueControl {
  return Object.freeze({ ...c, note });
}

const LEVEL_2_NUMBERING = 'S8 numbers level 2 as if it had 数据保密性 (7.1.4.10 剩余信息保护); S1 and RULES.md do not';

/** Unverified numbers: items and names from S1, the number from the order of the controls at that level. */
function derived(clause: string, name: LocalizedText, letters: string[], part: MlpsPart = 'general'): CatalogueControl {
  return entry(clause, name, Object.fromEntries(letters.map((l) => [l, []])), false, ['S1'], part);
}

/**
 * 安全管理中心 at level 4: no source gave its rows; items taken to be those of level 3 (S3, S4).
 * No source: unverified, and docs/mlps-pack.md says so.
 */
function byAnalogy(clause: string, name: LocalizedText, letters: string[]): CatalogueControl {
  return entry(clause, name, Object.fromEntries(letters.map((l) => [l, []])), false, []);
}

const WHOLE: string[] = [];

export const MLPS_CONTROL_CATALOGUE: readonly CatalogueControl[] = Object.freeze([
  // Level 1 (chapter 6): no 安全审计 at level 1, so 入侵防范 is the third control of 6.1.4.
  derived('6.1.4.3', INTRUSION, WHOLE),
  derived('6.1.4.5', TRUSTED, WHOLE),
  // Level 2 (chapter 7).
  derived('7.1.2.1', NETWORK_ARCHITECTURE, ['a']),
  derived('7.1.3.2', ACCESS_CONTROL, ['b', 'c']),
  derived('7.1.4.2', ACCESS_CONTROL, ['d']),
  derived('7.1.4.4', INTRUSION, WHOLE),
  derived('7.1.4.6', TRUSTED, WHOLE),
  // No 数据保密性 at level 2: 数据备份恢复 is 7.1.4.8, 个人信息保护 7.1.4.10.
  noted(derived('7.1.4.8', BACKUP, ['a']), LEVEL_2_NUMBERING),
  noted(derived('7.1.4.10', PERSONAL, ['a', 'b']), LEVEL_2_NUMBERING),
  derived('7.2.1.1', LOCATION, WHOLE, 'cloud'),
  derived('7.2.2.1', NETWORK_ARCHITECTURE, ['a', 'b'], 'cloud'),
  // Level 3 (chapter 8).
  entry('8.1.2.1', NETWORK_ARCHITECTURE, { a: ['L3-CNS1-01'], c: ['L3-CNS1-03'], e: ['L3-CNS1-05'] }, true, ['S1', 'S3', 'S6']),
  entry('8.1.2.2', TRANSMISSION, { a: ['L3-CNS1-06'], b: ['L3-CNS1-07'] }, true, ['S1', 'S3', 'S6']),
  entry('8.1.3.2', ACCESS_CONTROL, { a: ['L3-ABS1-05'], b: ['L3-ABS1-06'], c: ['L3-ABS1-07'] }, true, ['S1', 'S3', 'S5', 'S7']),
  entry('8.1.4.2', ACCESS_CONTROL, { d: ['L3-CES1-08'] }, true, ['S1', 'S2']),
  entry('8.1.4.3', AUDIT, { c: ['L3-CES1-14'] }, true, ['S1', 'S2']),
  entry('8.1.4.4', INTRUSION, { a: ['L3-CES1-17'], b: ['L3-CES1-18'], c: ['L3-CES1-19'], d: ['L3-CES1-20'], e: ['L3-CES1-21'], f: ['L3-CES1-22'] }, true, ['S1', 'S2']),
  entry('8.1.4.6', TRUSTED, { '': ['L3-CES1-24'] }, true, ['S1', 'S2']),
  entry('8.1.4.8', CONFIDENTIALITY, { b: ['L3-CES1-28'] }, true, ['S1', 'S2']),
  entry('8.1.4.9', BACKUP, { a: ['L3-CES1-29'], b: ['L3-CES1-30'], c: ['L3-CES1-31'] }, true, ['S1', 'S2']),
  entry('8.1.4.11', PERSONAL, { a: ['L3-CES1-34'], b: ['L3-CES1-35'] }, true, ['S1', 'S2']),
  entry('8.1.5.1', SYSTEM_MANAGEMENT, { a: ['L3-SMC1-01'] }, true, ['S3', 'S4', 'S5']),
  entry('8.1.5.2', AUDIT_MANAGEMENT, { a: ['L3-SMC1-03'] }, true, ['S3', 'S4', 'S5']),
  entry('8.1.5.3', SECURITY_MANAGEMENT, { a: ['L3-SMC1-05'] }, true, ['S3', 'S4', 'S5']),
  // Item d and its test item confirmed (S4 order, S3 count); the number 8.1.5.4 only by order.
  entry('8.1.5.4', CENTRAL, { d: ['L3-SMC1-10'] }, false, ['S3', 'S4']),
  entry('8.1.7.1', POSTS, { c: [] }, true, ['S1', 'S5']),
  entry('8.1.7.2', STAFFING, { b: [] }, true, ['S1', 'S5']),
  entry('8.2.1.1', LOCATION, { '': ['L3-PES2-01'] }, false, ['S1', 'S3'], 'cloud'),
  entry('8.2.2.1', NETWORK_ARCHITECTURE, { a: ['L3-CNS2-01'], b: ['L3-CNS2-02'] }, false, ['S1', 'S3'], 'cloud'),
  // Level 4 (chapter 9).
  derived('9.1.2.1', NETWORK_ARCHITECTURE, ['a', 'c', 'e']),
  derived('9.1.2.2', TRANSMISSION, ['a', 'b']),
  derived('9.1.3.2', ACCESS_CONTROL, ['a', 'b', 'c']),
  derived('9.1.4.2', ACCESS_CONTROL, ['d']),
  derived('9.1.4.3', AUDIT, ['c']),
  derived('9.1.4.4', INTRUSION, WHOLE),
  derived('9.1.4.6', TRUSTED, WHOLE),
  derived('9.1.4.8', CONFIDENTIALITY, ['b']),
  derived('9.1.4.9', BACKUP, ['a', 'b', 'c', 'd']),
  derived('9.1.4.11', PERSONAL, ['a', 'b']),
  byAnalogy('9.1.5.1', SYSTEM_MANAGEMENT, ['a']),
  byAnalogy('9.1.5.2', AUDIT_MANAGEMENT, ['a']),
  byAnalogy('9.1.5.3', SECURITY_MANAGEMENT, ['a']),
  byAnalogy('9.1.5.4', CENTRAL, ['d']),
  derived('9.1.7.1', POSTS, ['c']),
  derived('9.1.7.2', STAFFING, ['b']),
  derived('9.2.1.1', LOCATION, WHOLE, 'cloud'),
  derived('9.2.2.1', NETWORK_ARCHITECTURE, ['a', 'b'], 'cloud'),
]);

const BY_CLAUSE = new Map(MLPS_CONTROL_CATALOGUE.map((c) => [c.clause, c]));

/** The MLPS level whose chapter holds the clause (`7.1.4.8` → 2). */
export function levelOfClause(clause: string): number {
  return Number(clause.split('.')[0]) - 5;
}

/**
 * The controls a rule cites: `mlpsControls('8.1.4.9', 'b')` — one per item, or the whole control
 * when no item is given. A clause or item not in the catalogue throws (at load: the tests fail,
 * not a user's run).
 */
export function mlpsControls(clause: string, ...items: string[]): readonly MlpsControl[] {
  const c = BY_CLAUSE.get(clause);
  if (c === undefined) throw new Error(`GB/T 22239-2019 ${clause} is not in the control catalogue (policies/sdk/mlps-controls.ts)`);
  const base = { clause, part: c.part, name: c.name, verified: c.verified };
  if (items.length === 0) {
    return Object.freeze([Object.freeze({ ...base, testItems: Object.freeze(Object.values(c.items).flat()) })]);
  }
  return Object.freeze(
    items.map((item) => {
      const tests = c.items[item];
      if (tests === undefined) throw new Error(`GB/T 22239-2019 ${clause} ${item}) is not in the control catalogue`);
      return Object.freeze({ ...base, item, testItems: Object.freeze([...tests]) });
    }),
  );
}

/**
 * The log duty of the Cybersecurity Law as amended on 2025-10-28 (in force 2026-01-01): network logs
 * kept at least six months — art. 23(3); it was art. 21(3) before.
 */
export const CYBERSECURITY_LAW_LOGS = '网络安全法 (2025 修正) 第二十三条第（三）项 (Cybersecurity Law as amended 2025, art. 23(3))';

/** No control at that level: the rule applies there, the standard has no counterpart (citation.ts says so). */
export const NO_COUNTERPART: readonly MlpsControl[] = Object.freeze([]);
