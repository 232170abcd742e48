/**
 * The rule toolkit: the one module rules import (cdk-nag's nag-rules, Checkov's base checks). A rule
 * file imports `../sdk` and, for what only its pack needs, its pack's own `./lib/…`; never the
 * engine, the model or another pack directly (a test enforces it).
 *
 *  - declaring: defineRule, defineResourceRule, definePack, ALL_LEVELS, fromLevel;
 *  - reading values: blocks/block/dig, str/bool/num/strList/strMap, isUnresolved — a nested block may
 *    be an object or a list of objects, and `${…}` is never a literal; readBool/readNum/readStr/readList
 *    give tri-state readings (missing, literal, unresolved);
 *  - Kubernetes: POD_TEMPLATE_KINDS, podSpec, containers; label selectors with one treatment of
 *    unresolved values (selectors.ts); zones of resources;
 *  - the model: centers, systems, moves, funding, the plan's clauses, dates, text;
 *  - the migration planning model (plan.ts), exceptions and the policy review (exceptions.ts),
 *    countEvaluated for what a model or cross-resource rule judged (evaluated.ts);
 *  - the 等保 control catalogue and `mlpsControls` for a rule's per-level controls (mlps-controls.ts);
 *  - the labels and conventions shared with the stacks.
 */
export * from './define';
export * from './readings';
export * from './selectors';
export * from './kubernetes';
export * from './centers';
export * from './systems';
export * from './dates';
export * from './text';
export * from './zones';
export * from './funding';
export * from './plan-clause';
export * from './mlps-controls';
export * from './plan';
export * from './exceptions';
export * from './evaluated';
export * from './configuration-shape';
export { block, blocks, bool, dig, isObj, isUnresolved, num, str, strList, strMap, type Obj } from '../../checks/engine/values';
export { containers, podSpec, POD_TEMPLATE_KINDS, type ContainerRef } from '../../checks/engine/pods';
export { knownTemplateFree } from '../../checks/engine/template-free';
export type { ConfigurationProblem, LocalizedText, RawFinding, Resource, ResourceIndex, RuleContext, Severity, Value } from '../../checks/engine/types';
export type * from '../../checks/core/types';
export type { ControlsByLevel, MlpsControl, MlpsPart } from '../../checks/engine/controls';
export { DOCUMENT_NAMES, ZONE_IDS } from '../../checks/core/types';
export * from '../../checks/core/labels';
export * from '../../checks/core/conventions';
export { has } from '../../checks/engine/values';
export { podTemplateMetadata } from '../../checks/engine/pods';
export { canonicalKind } from '../../checks/engine/normalize/resource';
export { flagAssignment, hasPemPrivateKey, hasUrlPassword } from '../../checks/core/credentials';
export { compareCodePoints } from '../../checks/core/order';
