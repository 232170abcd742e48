/**
 * JSON Schema validation of the five documents (ajv, draft 2020-12, strict, all errors), with
 * ajv's errors turned into one readable InputProblem per real problem. The validators are
 * compiled ahead of time (ajv standalone code, schema-validators.generated.ts, written by
 * `node scripts/generate-validators.js` from environments/schemas/), not at every run.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { InputProblem } from './errors';
import type { DocumentName, SourcePosition } from './types';
import { childPointer, parentPointer } from './pointer';
import * as generated from './schema-validators.generated';

const VALIDATORS = generated as unknown as Partial<Record<DocumentName, ValidateFunction>>;

function validatorOf(name: DocumentName): ValidateFunction {
  const validate = VALIDATORS[name];
  // A schema without a generated validator is a build mistake, never bad input.
  if (!validate) throw new Error(`no precompiled validator for ${name}: run \`node scripts/generate-validators.js\``);
  return validate;
}

export type Locator = (pointer: string) => SourcePosition | undefined;

/** Validates one document; returns one problem per offending place. */
export function validateDocument(name: DocumentName, data: unknown, file: string, locate: Locator): InputProblem[] {
  const validate = validatorOf(name);
  if (validate(data)) return [];
  return describeErrors(validate.errors ?? [], data, file, locate);
}

/**
 * Whether a wrong value may be echoed in a message: short, and nothing like a credential (a URL,
 * an `@`, a PEM block, a token mixing upper case, lower case and digits). A password pasted into
 * the wrong field must not reach a CI log: such a value is described, never shown.
 */
function echoable(v: string): boolean {
  if (v.length > 24 || v.includes('://') || v.includes('@') || v.includes('-----')) return false;
  // A token of printable ASCII (a password's alphabet); text with controls or spaces is not one.
  const token = /^[\x21-\x7e]+$/.test(v);
  return !(token && v.length >= 6 && /[A-Z]/.test(v) && /[a-z]/.test(v) && /\d/.test(v));
}

function show(v: unknown): string {
  if (typeof v === 'string') return echoable(v) ? `'${v}'` : `a string of ${[...v].length} characters, not shown`;
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return String(v);
}

function valueAt(data: unknown, instancePath: string): unknown {
  let cur: unknown = data;
  for (const raw of instancePath.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

const K8S_NAME_PATTERN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
/** topology.backup.schedule: what a Kubernetes CronJob accepts (checked here, not at `terraform apply`). */
const CRON_PATTERN = '^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|[0-9A-Za-z*/,?-]+( +[0-9A-Za-z*/,?-]+){4})$';
/** policy.policyExceptions[].setting: the pattern's start (the settings that can weaken the gate, EXC-003). */
const EXCEPTION_SETTING_PATTERN_START = '^/(severityOverrides/';

/** One message per ajv error; `pointer` is where the problem is (for a missing field: the parent). */
function describe(e: ErrorObject, data: unknown): { pointer: string; message: string } | undefined {
  const got = valueAt(data, e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return { pointer: childPointer(e.instancePath, String(p.additionalProperty)), message: `unknown field '${String(p.additionalProperty)}'` };
    case 'required':
      return { pointer: e.instancePath, message: `missing required field '${String(p.missingProperty)}'` };
    case 'type':
      return { pointer: e.instancePath, message: `must be ${article(String(p.type))} (got ${show(got)})` };
    case 'enum':
      return { pointer: e.instancePath, message: `must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')} (got ${show(got)})` };
    case 'const':
      return { pointer: e.instancePath, message: `must be ${show(p.allowedValue)} (got ${show(got)})` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { pointer: e.instancePath, message: `must be ${String(p.comparison)} ${String(p.limit)} (got ${show(got)})` };
    case 'format':
      return p.format === 'date'
        ? { pointer: e.instancePath, message: `must be a real calendar date YYYY-MM-DD (got ${show(got)})` }
        : { pointer: e.instancePath, message: `must be a ${String(p.format)} (got ${show(got)})` };
    case 'pattern':
      if (p.pattern === K8S_NAME_PATTERN) {
        return { pointer: e.instancePath, message: `must be a Kubernetes name: lowercase letters, digits and '-', starting and ending with a letter or digit (got ${show(got)})` };
      }
      if (String(p.pattern).startsWith(EXCEPTION_SETTING_PATTERN_START)) {
        return { pointer: e.instancePath, message: `must name a setting that can weaken the gate: /severityOverrides/<RULE-ID>, /packs/<pack>, /failOn, /auditLogRetentionDays, /carrierGradeAvailability or /exceptionHorizonDays (got ${show(got)})` };
      }
      if (p.pattern === CRON_PATTERN) {
        return { pointer: e.instancePath, message: `must be a cron schedule: five fields such as '0 2 * * *', or @daily/@weekly/… (got ${show(got)})` };
      }
      return { pointer: e.instancePath, message: `must match ${String(p.pattern)} (got ${show(got)})` };
    case 'maxLength':
      return { pointer: e.instancePath, message: `must be at most ${String(p.limit)} characters (got ${String((got as string)?.length)})` };
    case 'minLength':
      return { pointer: e.instancePath, message: Number(p.limit) === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters` };
    case 'uniqueItems': {
      const later = Math.max(Number(p.i), Number(p.j));
      const earlier = Math.min(Number(p.i), Number(p.j));
      const pointer = childPointer(e.instancePath, later);
      return { pointer, message: `duplicate entry ${show(valueAt(data, pointer))} (also at index ${earlier})` };
    }
    case 'propertyNames':
      return undefined; // the nested pattern error names the key
    case 'discriminator':
      return p.error === 'mapping'
        ? { pointer: childPointer(e.instancePath, String(p.tag)), message: `must be one of the known kinds (got ${show(p.tagValue)})` }
        : { pointer: e.instancePath, message: `missing required field '${String(p.tag)}'` };
    case 'oneOf':
    case 'anyOf':
    case 'if':
      return undefined; // noise: the branch errors say what is wrong
    default:
      return { pointer: e.instancePath, message: e.message ?? `fails '${e.keyword}'` };
  }
}

function article(type: string): string {
  const noun = type === 'object' ? 'map' : type === 'array' ? 'list' : type === 'integer' ? 'whole number' : type;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function describeErrors(errors: readonly ErrorObject[], data: unknown, file: string, locate: Locator): InputProblem[] {
  const out: InputProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // A property name that fails `propertyNames` is reported at the key.
    const d =
      e.keyword === 'pattern' && typeof (e as { propertyName?: string }).propertyName === 'string'
        ? { pointer: childPointer(e.instancePath, String((e as { propertyName?: string }).propertyName)), message: `key '${String((e as { propertyName?: string }).propertyName)}' must match ${String((e.params as { pattern: string }).pattern)}` }
        : describe(e, data);
    if (!d) continue;
    // One problem per place: `type` and `enum` on the same value say the same thing twice.
    const key = `${d.pointer}\u0000${e.keyword === 'required' || e.keyword === 'additionalProperties' ? d.message : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pos = locate(d.pointer) ?? locate(parentPointer(d.pointer));
    out.push({ file, line: pos?.line, column: pos?.column, path: d.pointer, message: d.message });
  }
  // Reading order: by line, then column (problems without a position last).
  return out.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0));
}
