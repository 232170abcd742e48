/**
 * The CFG-001 / CFG-002 findings the rules judge on the resources themselves (what survives
 * normalization), beside the problems the readers recorded (problems.ts): one walk per resource,
 * every resource of every kind the rules judge (checks/engine/judged-fields.ts), whatever its MLPS
 * level.
 */
import { judgedBody, type RawFinding, type Resource, type RuleContext } from '../../sdk';
import { judgedValueIssues, type Issue } from './judged-values';
import { podTemplateIssues } from './pod-templates';

/** The resources whose fields the rules judge: every resource of a kind with a judged body. */
export function judgedResources(ctx: RuleContext): Resource[] {
  return ctx.resources.all.filter((r) => judgedBody(r.kind) !== undefined);
}

export function resourceIssues(resources: readonly Resource[], rule: Issue['rule']): RawFinding[] {
  const out: RawFinding[] = [];
  const take = (resource: Resource, issues: readonly Issue[]): void => {
    for (const issue of issues) if (issue.rule === rule) out.push({ resource, message: { zh: issue.zh, en: issue.en } });
  };
  for (const resource of resources) {
    take(resource, podTemplateIssues(resource));
    take(resource, judgedValueIssues(resource));
  }
  return out;
}
