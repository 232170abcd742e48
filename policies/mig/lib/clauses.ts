/** Clauses of the MIG pack: sections of the plan (新兵办发〔2017〕187号). */
import { planClause } from '../../sdk';

export const CLAUSE_CENTERS = planClause('二(三)');
export const CLAUSE_SYSTEMS = planClause('二(四)');
/** §二(九): every new government application is built on the unified platform (依托兵团电子政务统一软、硬件平台). */
export const CLAUSE_UNIFIED_PLATFORM = planClause('二(九)');
