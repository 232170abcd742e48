/** Small text helpers shared by rule messages and model checks. */
import { isBlankToReader } from '../../checks/core/reader-text';

/** A value counts as filled in when it is a non-blank string, a number, or a boolean. */
export function isFilled(v: unknown): boolean {
  if (typeof v === 'string') return !isBlankToReader(v);
  return typeof v === 'number' || typeof v === 'boolean';
}

/** `名称 (id)` when a display name is known, else the id. */
export function displayName(id: string, name?: string): string {
  return name !== undefined && name.trim() !== '' ? `${name} (${id})` : id;
}
