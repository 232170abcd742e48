/**
 * MLPS 2.0 controls (等保 2.0 控制点) a rule gives evidence for, per level: GB/T 22239-2019 chapter 7
 * (level 2), 8 (level 3), 9 (level 4), the general requirements and the cloud extension (云计算扩展
 * 要求), with the GB/T 28448-2019 test items (测评单元) where known. A finding cites the controls of
 * the judged system's level; the control matrix (单项测评) is built from them.
 */
import type { LocalizedText, MlpsLevel } from './types';

export interface MlpsControl {
  /** Clause id of GB/T 22239-2019, e.g. `8.1.4.8` (level 3, general, 安全计算环境, 数据保密性). */
  readonly clause: string;
  /** The requirement item letter within the control, e.g. `b` (8.1.4.8 b)); absent when the whole control. */
  readonly item?: string;
  /** The control's name: zh as the standard writes it (数据保密性), en its translation. */
  readonly name: LocalizedText;
  /**
   * 安全通用要求 (`general`, x.1) or 云计算安全扩展要求 (`cloud`, x.2). Absent: general (a control
   * built outside the catalogue of policies/sdk/mlps-controls.ts).
   */
  readonly part?: MlpsPart;
  /** GB/T 28448-2019 test-item ids (测评单元编号, e.g. `L3-CES1-21`), empty when not known. */
  readonly testItems: readonly string[];
  /** The number and name were checked against the standard's text (docs/mlps-pack.md gives the source). */
  readonly verified: boolean;
}

/** 安全通用要求 or 云计算安全扩展要求. */
export type MlpsPart = 'general' | 'cloud';

/**
 * Per MLPS level the rule applies to, the controls it gives evidence for. An empty list: the
 * standard has no counterpart at that level (e.g. 数据保密性 is not a level-2 control); the rule
 * still applies there and its findings say so.
 */
export type ControlsByLevel = Readonly<Partial<Record<MlpsLevel, readonly MlpsControl[]>>>;
