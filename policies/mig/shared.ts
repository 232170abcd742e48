/** Shared metadata of the MIG pack: the plan's clauses. */
export const PLAN = '新兵办发〔2017〕187号';
export const CLAUSE_CENTERS = `${PLAN} §二(三)`;
export const CLAUSE_SYSTEMS = `${PLAN} §二(四)`;
