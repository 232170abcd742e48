/** Loads the mini environment after a patch and returns the InputError's problems (none: []). */
import { InputError, formatProblem } from '../../checks/core/errors';
import type { InputProblem } from '../../checks/core/errors';
import type { PatchOp } from './patch';
import { loadPatchedMiniEnv } from './mini-env';

export function problemsAfter(ops: readonly PatchOp[]): InputProblem[] {
  try {
    loadPatchedMiniEnv(ops);
    return [];
  } catch (e) {
    if (e instanceof InputError) return [...e.problems];
    throw e;
  }
}

/** The one-line form `file:line:col: /path: message` of each problem. */
export function linesAfter(ops: readonly PatchOp[]): string[] {
  return problemsAfter(ops).map(formatProblem);
}
