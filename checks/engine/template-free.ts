/**
 * Resources whose normalized attributes hold no Unresolved value (no template, no expression):
 * known from the normalization walk itself (normalize/value.ts counts what it makes), so that
 * CFG-003 does not walk each of them again to find nothing (issue #18). Only the few attrs that
 * do hold one are recorded; "made by makeResource" is what the secret collection already records
 * per attrs object (secrets.ts). A resource built another way, or given other attrs, is not known
 * here and is walked.
 */
import { collectedByNormalization } from './secrets';

const holdingUnresolved = new WeakSet<object>();

/** Records that `attrs`, as makeResource made them, hold an Unresolved value (normalize/resource.ts). */
export function rememberUnresolved(attrs: object): void {
  holdingUnresolved.add(attrs);
}

/** Whether `attrs` are known to hold no Unresolved value; false: unknown (walk them). */
export function knownTemplateFree(attrs: object): boolean {
  return collectedByNormalization(attrs) && !holdingUnresolved.has(attrs);
}
