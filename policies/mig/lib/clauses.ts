/** Clauses of the MIG pack: sections of the plan (新兵办发〔2017〕187号). */
import { planClause } from '../../sdk';

export const CLAUSE_CENTERS = planClause('二(三)');
export const CLAUSE_SYSTEMS = planClause('二(四)');
