/**
 * Contracts of the policy engine: the normalized resource model, rules, findings.
 *
 * Data flows one way: configuration (cdk.tf.json / plan JSON / HCL) → `Resource[]` (normalized,
 * see normalize/) → `ResourceIndex` → rules → `Finding[]` → reporters.
 */
import type { Environment, MlpsLevel, PackId, Severity, DocumentName } from '../core/types';
import type { ControlsByLevel, MlpsControl } from './controls';
import type { PolicyReview } from './effective-policy';

export type { MlpsLevel, PackId, Severity };

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Higher = more severe. */
export function severityRank(s: Severity): number {
  return 4 - SEVERITIES.indexOf(s);
}

/** An unresolved Terraform expression (`${...}`): never a literal value. */
export interface Unresolved {
  readonly $unresolved: string;
}

/**
 * A normalized attribute value. Strings containing `${` become `Unresolved`.
 * Nested blocks keep their source shape (object OR list of objects): read them with
 * `blocks()` / `block()` from `./values`, which accept both.
 */
export type Value = string | number | boolean | null | Unresolved | Value[] | { [k: string]: Value };

export interface Resource {
  /** Terraform type as written, e.g. `kubernetes_deployment_v1`. */
  readonly type: string;
  /**
   * Canonical kind: provider prefix and version suffix removed,
   * e.g. `kubernetes_deployment_v1` and `kubernetes_deployment` → `deployment`.
   * Non-kubernetes types keep their full type name.
   */
  readonly kind: string;
  /** Terraform local name. */
  readonly name: string;
  /** `TYPE.NAME` (module path prefixed for plan child modules: `module.x.TYPE.NAME`). */
  readonly address: string;
  /** Stack id (cdktf stack folder name), or the .tf folder / plan file base name. */
  readonly stack: string;
  /** Source file, relative to cwd with POSIX separators. */
  readonly file: string;
  /** 1-based line in `file` where known (HCL, JSON). */
  readonly line?: number;
  /** cdktf construct path (from the `//` metadata of cdk.tf.json), when known. */
  readonly constructPath?: string;
  /**
   * The resource body, normalized in place (normalize/value.ts): plain objects, not frozen. Rules
   * only read it (test/engine/rules-pure.test.ts).
   */
  readonly attrs: { readonly [k: string]: Value };
  /** metadata.name / namespace / labels / annotations, literal values only. */
  readonly metadata: {
    readonly name?: string;
    readonly namespace?: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly annotations: Readonly<Record<string, string>>;
  };
  /** From the `xjbt.gov.cn/*` labels (see LABELS). */
  readonly system?: string;
  readonly department?: string;
  readonly center?: string;
  readonly zone?: string;
  readonly role?: string;
  /** MLPS level from the label; undefined when absent or invalid. */
  readonly level?: MlpsLevel;
}

/** Indexed access to resources: built once, rules look up instead of scanning. */
export interface ResourceIndex {
  readonly all: readonly Resource[];
  byKind(kind: string): readonly Resource[];
  byStack(stack: string): readonly Resource[];
  bySystem(system: string): readonly Resource[];
  /** Resources whose metadata.namespace (or, for a namespace, metadata.name) equals `ns`, in a stack. */
  inNamespace(stack: string, ns: string): readonly Resource[];
  /** Namespace resource of that name in a stack. */
  namespace(stack: string, ns: string): Resource | undefined;
  /** Resources carrying label `key` (with `value` when given). */
  withLabel(key: string, value?: string): readonly Resource[];
  /** The namespace resources of a stack carrying label `key` with `value`. */
  namespacesWithLabel(stack: string, key: string, value: string): readonly Resource[];
  readonly stacks: readonly string[];
}

/** `varFiles`: `--var-file` tfvars, applied after the ones Terraform loads by itself from a root module folder. */
export type ConfigurationSource =
  | { kind: 'synth'; dir: string; varFiles?: readonly string[] }
  | { kind: 'plan'; file: string }
  | { kind: 'tf'; dir: string; varFiles?: readonly string[] }
  /** Kubernetes manifests (a file or a folder; YAML or JSON, multi-document, `kind: List`): read/manifests/. */
  | { kind: 'manifests'; path: string }
  | { kind: 'none' };

/**
 * Something the reader of the configuration could not read or verify (fail closed): a module whose
 * source cannot be read, a `dynamic` block over a non-literal list, a synthesized folder that is
 * stale or was edited after synthesis. Readers record these; the CFG rule named by `rule` reports
 * them (a reader never drops what it cannot judge).
 */
export interface ConfigurationProblem {
  rule: 'CFG-001' | 'CFG-002' | 'CFG-003' | 'CFG-004';
  message: LocalizedText;
  /** The file concerned, relative to cwd with POSIX separators. */
  file: string;
  line?: number;
  stack?: string;
  /** Terraform address, when the problem is in one resource. */
  address?: string;
  /** The resource, when the problem is in one that was read. */
  resource?: Resource;
}

/** Everything a rule may read. Pure data: rules must not do I/O. */
export interface RuleContext {
  readonly env: Environment;
  readonly resources: ResourceIndex;
  /** Whether a Terraform configuration was given at all (resource rules stay silent when not). */
  readonly hasConfiguration: boolean;
  /** Check date `YYYY-MM-DD`. */
  readonly asOf: string;
  /** What the configuration readers could not read or verify (reported by the CFG rules). */
  readonly configurationProblems: readonly ConfigurationProblem[];
  /**
   * Counts what a rule judged (`evaluated(n)`): the engine gives each rule its own counter, so that
   * `--format json` tells how much each rule looked at and a pass fixture proves it looked at all.
   * Absent in hand-built contexts (tests): counting is then a no-op.
   */
  readonly evaluated?: (count?: number, judged?: readonly JudgedEntry[]) => void;
  /**
   * Whether this run records what each rule judged per system (the control matrix of `report`
   * needs it; `check` does not pay for it). Resource rules are recorded by the engine.
   */
  readonly recordsCoverage?: boolean;
  /** MLPS level of a resource: its label, else its system's level in the inventory, else the policy default. */
  levelOf(resource: Resource): MlpsLevel;
  /**
   * Ids of the whole rule catalogue (not only the selected rules), so that EXC-001 can report a
   * suppression naming a rule that does not exist. Absent: that check is skipped. Passed in rather
   * than imported because policies/ cannot import its own catalogue (circular import).
   */
  readonly knownRuleIds?: ReadonlySet<string>;
  /**
   * The policy as written, reviewed by the engine (effective-policy.ts): every setting that weakens
   * the gate and its approval, and the stale policy exceptions (EXC-003, EXC-002). `env.policy` is
   * already the effective policy, so no rule judges with a weakening that was not approved.
   * Absent: not reviewed (a context built outside the engine).
   */
  readonly policyReview?: PolicyReview;
  /**
   * Only for a rule whose `inputs` include 'findings' (EXC-002): the engine evaluates it after all
   * the other rules and passes their findings, suppressions applied. Absent otherwise.
   */
  readonly priorFindings?: PriorFindings;
}

/** What the other rules of a run found, for a rule that judges findings (EXC-002). */
export interface PriorFindings {
  /**
   * Rules that could judge all of their input in this run: evaluated, and — when no configuration
   * was given — not reading it. A suppression of any other rule cannot be called stale.
   */
  readonly ruleIds: ReadonlySet<string>;
  /** Their findings, suppressions applied. */
  readonly findings: readonly Finding[];
}

export interface LocalizedText {
  zh: string;
  en: string;
}

/** What a rule returns; the engine adds rule metadata, severity, suppression. */
export interface RawFinding {
  message: LocalizedText;
  /** A resource finding: stack, address, file, system come from it. */
  resource?: Resource;
  /** A configuration finding outside any resource that was read (a module call, a stale folder). */
  location?: { file: string; line?: number; stack?: string; address?: string };
  /** A model finding: the document and JSON pointer (file and line are resolved by the engine). */
  doc?: DocumentName;
  path?: string;
  system?: string;
  center?: string;
  /** Override of the rule's severity for this finding (e.g. K8S-016 at level 4). */
  severity?: Severity;
}

export interface Rule {
  readonly id: string;
  readonly pack: PackId;
  readonly severity: Severity;
  readonly title: LocalizedText;
  /** e.g. `GB/T 22239-2019 8.1.4.4` or `新兵办发〔2017〕187号 §二(三)` */
  readonly clause: string;
  /** MLPS levels the rule applies to. */
  readonly levels: readonly MlpsLevel[];
  /** The 等保 controls the rule gives evidence for, per level it applies to (rules of the MLPS-based packs). */
  readonly controls?: ControlsByLevel;
  /**
   * A statute the rule enforces at every level besides the standard, cited with each level's
   * controls (MLPS-010: 网络安全法 (2025 修正) 第二十三条第（三）项).
   */
  readonly statute?: string;
  readonly remediation: LocalizedText;
  /** What the rule reads. 'findings': the other rules' findings (the engine runs it last). */
  readonly inputs: readonly ('model' | 'configuration' | 'findings')[];
  /** A resource rule (defineResourceRule): the resource kinds it judges, one resource at a time. */
  readonly kinds?: readonly string[];
  /** The findings alone (as `evaluate`), for callers that do not count. */
  check(ctx: RuleContext): RawFinding[];
  /**
   * The findings and how many resources or model entries the rule judged (checks/engine/evaluate-rule.ts
   * applies `inputs` and, for resource rules, `kinds` and `levels`). Rules made by defineRule /
   * defineResourceRule have it; a hand-made Rule object without it is run through `check`.
   */
  evaluate?(ctx: RuleContext): RuleEvaluation;
}

export interface RuleEvaluation {
  findings: RawFinding[];
  /** Resources (resource rules) or model entries (rules that count them) the rule judged. */
  evaluated: number;
  /** When the run records coverage: per system id, what the rule judged of it (`stack/address`, or a model entry). */
  judged?: Readonly<Record<string, readonly string[]>>;
}

/** One model entry or resource a rule judged, of one system (a model rule tells it to `countEvaluated`). */
export interface JudgedEntry {
  readonly system: string;
  /** What was judged, as a reader finds it: `stack/address`, or `document /json/pointer`. */
  readonly evidence: string;
}

/**
 * What each rule judged, per system (rule id → system id → evidence), recorded on request
 * (`RunInput.recordCoverage`). A rule present here has its coverage recorded; a system absent under
 * it was not judged by it; a rule absent did not record (a model rule that does not tell).
 */
export type EvaluatedBySystem = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** The rule's default severity, given only when `severity` differs from it (an override, or a per-finding severity). */
  defaultSeverity?: Severity;
  pack: PackId;
  title: string;
  titleZh: string;
  message: string;
  messageZh: string;
  /**
   * What the finding cites: for a rule with per-level controls, the clauses of the judged level
   * (checks/engine/citation.ts); otherwise the rule's clause.
   */
  clause: string;
  /** The MLPS level the finding was judged at (the resource's, system's or center's), when known. */
  level?: MlpsLevel;
  /** The 等保 controls of that level the finding is evidence against (empty: no counterpart at that level). */
  controls?: readonly MlpsControl[];
  remediation: string;
  remediationZh: string;
  stack?: string;
  address?: string;
  system?: string;
  center?: string;
  file?: string;
  path?: string;
  line?: number;
  column?: number;
  constructPath?: string;
  /**
   * For a finding on synthesized output (a cdktf stack file, not in the repository): the
   * environment YAML entry that produced it — what a reviewer opens (finding-location.ts).
   */
  origin?: FindingOrigin;
  suppressed: boolean;
  suppression?: { reason: string; approvedBy: string; expires: string };
  /** Recorded in the `--baseline` file: reported, marked, never blocking. */
  baselined?: boolean;
}

/** A line of an environment document (file relative to cwd, POSIX separators). */
export interface FindingOrigin {
  file: string;
  line: number;
  column?: number;
  doc: DocumentName;
  path: string;
}

export interface CheckResult {
  tool: { name: 'btyun'; version: string };
  environment: string;
  asOf: string;
  summary: {
    critical: number;
    high: number;
    medium: number;
    low: number;
    info: number;
    suppressed: number;
    resources: number;
    rulesEvaluated: number;
  };
  findings: Finding[];
  /** Rules evaluated, for reporters that list them (SARIF, JUnit). Not in the JSON output. */
  rules: readonly Rule[];
  /** Per rule id: how many resources or model entries it judged (a rule not run is absent). */
  evaluated: Readonly<Record<string, number>>;
  /** Per rule and system, what it judged — only when the run was asked to record it. Not in the JSON output. */
  evaluatedBySystem?: EvaluatedBySystem;
  failOn: Severity;
}
