/**
 * The CFG rules report what the configuration readers recorded (ctx.configurationProblems) under
 * the rule each problem names; this turns those records into findings.
 */
import type { ConfigurationProblem, RawFinding, RuleContext } from '../../sdk';

export function recordedProblems(ctx: RuleContext, rule: ConfigurationProblem['rule']): RawFinding[] {
  return ctx.configurationProblems
    .filter((p) => p.rule === rule)
    .map((p) =>
      p.resource !== undefined
        ? { resource: p.resource, message: p.message }
        : { location: { file: p.file, line: p.line, stack: p.stack, address: p.address }, message: p.message },
    );
}
