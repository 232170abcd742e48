/**
 * Bilingual finding messages: what is wrong and where, the clause, and how to fix it.
 * Every MLPS message goes through here so that they read the same way.
 */
import type { LocalizedText } from '../../../checks/engine/types';

export interface MessageParts {
  /** What is wrong and where, in Chinese. */
  zh: string;
  /** What is wrong and where, in English. */
  en: string;
  /** How to fix it, in Chinese. */
  fixZh: string;
  /** How to fix it, in English. */
  fixEn: string;
}

export function message(clause: string, p: MessageParts): LocalizedText {
  return {
    zh: `${p.zh}（${clause}）。${p.fixZh}`,
    en: `${p.en} (${clause}). ${p.fixEn}`,
  };
}

/** `stack/TYPE.NAME` — where a resource is, for messages. */
export function where(r: { stack: string; address: string }): string {
  return `${r.stack}/${r.address}`;
}

/** Stable, de-duplicated, sorted list for messages and iteration. */
export function sortedUnique(items: Iterable<string>): string[] {
  return [...new Set(items)].sort();
}
