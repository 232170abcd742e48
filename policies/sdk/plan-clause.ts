/**
 * Clause strings of the source plan 《兵团政务信息系统整合共享实施方案》 (新兵办发〔2017〕187号),
 * the authority for the TOPO, NET, INV and MIG packs.
 */
export const PLAN_DOCUMENT = '新兵办发〔2017〕187号';

/** `planClause('二(三)')` → `新兵办发〔2017〕187号 §二(三)`; several sections are joined with `、`. The one clause format of the plan's packs. */
export function planClause(...sections: string[]): string {
  return `${PLAN_DOCUMENT} ${sections.map((s) => `§${s}`).join('、')}`;
}
