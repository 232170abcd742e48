/**
 * The shape of the configuration as the rules read it, for the rules that judge whether it can be
 * judged at all (the CFG pack): where each pod-template kind keeps its pod spec, the blocks and
 * fields the rules judge (checks/engine/judged-fields.ts) and how a field path is written, what a
 * reference and a plain reference are, and the readers' limit on expanding `dynamic` blocks.
 */
export { POD_TEMPLATE_PATHS } from '../../checks/engine/pods';
export { fieldPath, judgedBody, type FieldType, type JudgedBlock, type JudgedField, type PathStep } from '../../checks/engine/judged-fields';
export { parseReference } from '../../checks/engine/read/substitute';
export { MAX_DYNAMIC_BLOCKS } from '../../checks/engine/read/dynamic-blocks';
export { isPlainReference } from '../../checks/core/terraform-template';
