/** The reporters of `btyun check` by format name; each is a pure function CheckResult → string. */
import type { CheckResult } from '../../engine/types';
import { renderJson } from './json';
import { renderJunit } from './junit';
import { renderMarkdown } from './markdown';
import { renderSarif } from './sarif';
import { renderText, type TextOptions } from './text';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export function renderCheck(result: CheckResult, format: CheckFormat, opts: TextOptions = { color: false }): string {
  switch (format) {
    case 'text':
      return renderText(result, opts);
    case 'json':
      return renderJson(result);
    case 'sarif':
      return renderSarif(result);
    case 'junit':
      return renderJunit(result);
    case 'markdown':
      return renderMarkdown(result);
  }
}
