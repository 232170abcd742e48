/**
 * The CFG-001 / CFG-002 findings the rules judge on the resources themselves (what survives
 * normalization), beside the problems the readers recorded (problems.ts): one walk per resource,
 * every resource of every kind the rules judge, whatever its MLPS level.
 */
import type { RawFinding, RuleContext } from '../../../checks/engine/types';
import { judgedValueIssues, type Issue } from './judged-values';
import { podTemplateIssues } from './pod-templates';

export function resourceIssues(ctx: RuleContext, rule: Issue['rule']): RawFinding[] {
  const out: RawFinding[] = [];
  for (const resource of ctx.resources.all) {
    for (const issue of [...podTemplateIssues(resource), ...judgedValueIssues(resource)]) {
      if (issue.rule === rule) out.push({ resource, message: { zh: issue.zh, en: issue.en } });
    }
  }
  return out;
}
