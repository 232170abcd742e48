/**
 * MLPS-009 — 8.1.4.8 b 数据保密性: protect important data in storage with cryptography.
 * Evidence: every PVC and StatefulSet volume claim template names a StorageClass of the same stack
 * that is encrypted (label `xjbt.gov.cn/encrypted: "true"` or parameters.encrypted "true").
 * A reference `${TYPE.NAME.metadata[0].name}` is followed within the stack; any other expression
 * cannot be verified and is reported as such (a required literal, like the K8S pack).
 * Judged: every PersistentVolumeClaim and StatefulSet at levels 3+.
 */
import {
  blocks,
  CONVENTION_LABELS,
  defineResourceRule,
  dig,
  fromLevel,
  has,
  isUnresolved,
  mlpsControls,
  str,
  strMap,
  type Obj,
  type Resource,
  type RuleContext,
} from '../sdk';
import { nameOrReference } from './lib/references';
import { where } from './lib/text';

function isEncrypted(sc: Resource): boolean {
  return sc.metadata.labels[CONVENTION_LABELS.encrypted] === 'true' || strMap(sc.attrs.parameters).encrypted === 'true';
}

/** Why a claim spec is not shown to be on an encrypted class, or undefined when it is. */
function problem(ctx: RuleContext, owner: Resource, claimSpec: Obj | undefined): { zh: string; en: string } | undefined {
  const raw = claimSpec?.storage_class_name;
  if (!has(claimSpec, 'storage_class_name')) {
    return { zh: '未指定 storage_class_name（将使用默认存储类，无法证明已加密）', en: 'no storage_class_name (the default class is used; encryption cannot be shown)' };
  }
  const name = nameOrReference(ctx.resources, owner.stack, raw);
  if (name === undefined) {
    return isUnresolved(raw)
      ? { zh: `storage_class_name 为表达式 ${raw.$unresolved}，无法验证是否加密`, en: `storage_class_name is the expression ${raw.$unresolved}, so encryption cannot be verified` }
      : { zh: 'storage_class_name 不是名称', en: 'storage_class_name is not a name' };
  }
  const sc = ctx.resources.byKind('storage_class').find((r) => r.stack === owner.stack && r.metadata.name === name);
  if (sc === undefined) return { zh: `存储类 ${name} 不在本栈中定义，无法证明已加密`, en: `storage class ${name} is not defined in this stack, so encryption cannot be shown` };
  if (!isEncrypted(sc)) return { zh: `存储类 ${name}（${sc.address}）未加密`, en: `storage class ${name} (${sc.address}) is not encrypted` };
  return undefined;
}

function claimSpecs(r: Resource): { label: string; spec: Obj | undefined }[] {
  if (r.kind === 'persistent_volume_claim') return [{ label: '', spec: dig(r.attrs, 'spec') }];
  return blocks(dig(r.attrs, 'spec'), 'volume_claim_template').map((t, i) => ({
    label: `volume_claim_template[${i}]${str(dig(t, 'metadata'), 'name') ? ` (${str(dig(t, 'metadata'), 'name')})` : ''}: `,
    spec: dig(t, 'spec'),
  }));
}

export const MLPS_009 = defineResourceRule({
  id: 'MLPS-009',
  pack: 'mlps',
  severity: 'high',
  title: { zh: '持久卷须使用加密存储类', en: 'Persistent volumes use an encrypted StorageClass' },
  clause: 'GB/T 22239-2019 8.1.4.8 b',
  levels: fromLevel(3),
  controls: { 3: mlpsControls('8.1.4.8', 'b'), 4: mlpsControls('9.1.4.8', 'b') },
  remediation: {
    zh: `在本栈中定义加密存储类（标签 ${CONVENTION_LABELS.encrypted}: "true" 或 parameters.encrypted: "true"），并在 PVC/卷模板的 storage_class_name 中引用它。`,
    en: `Define an encrypted StorageClass in the stack (label ${CONVENTION_LABELS.encrypted}: "true" or parameters.encrypted: "true") and name it in storage_class_name of every PVC / volume claim template.`,
  },
  inputs: ['configuration'],
  kinds: ['persistent_volume_claim', 'stateful_set'],
  judge(r, ctx) {
    const problems = claimSpecs(r).flatMap(({ label, spec }) => {
      const p = problem(ctx, r, spec);
      return p ? [{ zh: label + p.zh, en: label + p.en }] : [];
    });
    if (problems.length === 0) return [];
    return [{
      resource: r,
      message: {
        zh: `${where(r)} 的持久卷未使用加密存储类：${problems.map((p) => p.zh).join('；')}`,
        en: `${where(r)} stores data on a volume without an encrypted StorageClass: ${problems.map((p) => p.en).join('; ')}`,
      },
    }];
  },
});
