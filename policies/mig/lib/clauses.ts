/** Clauses of the MIG pack: sections of the plan (新兵办发〔2017〕187号), cited with `§`. */
import { PLAN_DOCUMENT } from '../../sdk';

export const CLAUSE_CENTERS = `${PLAN_DOCUMENT} §二(三)`;
export const CLAUSE_SYSTEMS = `${PLAN_DOCUMENT} §二(四)`;
