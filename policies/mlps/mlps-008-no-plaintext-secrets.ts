/**
 * MLPS-008 — 8.1.4.8 数据保密性: protect the confidentiality of important data such as
 * authentication data in storage. A literal secret in the Terraform configuration lands in plan
 * files and state in clear text. Evidence: literal values in Secret data / string_data /
 * binary_data, in ConfigMap keys named like credentials, and in container env variables named like
 * credentials or holding URLs with passwords. Messages name keys only, never values.
 */
import { containers, podSpec, POD_TEMPLATE_KINDS } from '../../checks/engine/pods';
import type { RawFinding, Resource } from '../../checks/engine/types';
import { blocks, str } from '../../checks/engine/values';
import { defineRule, fromLevel } from '../sdk/define';
import { applies } from './lib/levels';
import { embedsCredentials, isSensitiveName, literalKeys } from './lib/secrets';
import { message, where } from './lib/text';

const CLAUSE = 'GB/T 22239-2019 8.1.4.8 b';
const LEVELS = fromLevel(2);
const SECRET_FIELDS = ['data', 'string_data', 'binary_data'] as const;

function plaintext(r: Resource, keysZh: string, keysEn: string): RawFinding {
  return {
    resource: r,
    message: message(CLAUSE, {
      zh: `${where(r)} 在 Terraform 配置中以明文写入了机密值：${keysZh}（值将进入 plan 与 state）`,
      en: `${where(r)} writes secret values in plaintext into the Terraform configuration: ${keysEn} (they land in plan and state)`,
      fixZh: '请改为引用外部密钥管理（如 ExternalSecret、Vault、var 标记 sensitive 并由流水线注入）或 secret_key_ref。',
      fixEn: 'Reference an external secret store (ExternalSecret, Vault, a sensitive variable injected by the pipeline) or a secret_key_ref instead.',
    }),
  };
}

function secretFinding(r: Resource): RawFinding | undefined {
  const keys = SECRET_FIELDS.flatMap((f) => literalKeys(r.attrs[f]).map((k) => `${f}.${k}`));
  return keys.length === 0 ? undefined : plaintext(r, keys.join(', '), keys.join(', '));
}

function configMapFinding(r: Resource): RawFinding | undefined {
  const keys = literalKeys(r.attrs.data).filter(isSensitiveName).map((k) => `data.${k}`);
  return keys.length === 0 ? undefined : plaintext(r, keys.join(', '), keys.join(', '));
}

function envFinding(r: Resource): RawFinding | undefined {
  const names: string[] = [];
  for (const c of containers(podSpec(r))) {
    for (const e of blocks(c.container, 'env')) {
      const name = str(e, 'name');
      const value = str(e, 'value');
      if (name === undefined || value === undefined || value === '') continue;
      if (isSensitiveName(name) || embedsCredentials(value)) names.push(`${c.type} ${c.name}: env ${name}`);
    }
  }
  return names.length === 0 ? undefined : plaintext(r, names.join(', '), names.join(', '));
}

export const MLPS_008 = defineRule({
  id: 'MLPS-008',
  pack: 'mlps',
  severity: 'high',
  title: { zh: 'Terraform 配置中不得出现明文机密', en: 'No plaintext secret value in the Terraform configuration' },
  clause: CLAUSE,
  levels: LEVELS,
  remediation: {
    zh: '机密值不写入配置：由外部密钥管理注入，工作负载通过 secret_key_ref 或挂载文件读取。',
    en: 'Keep secret values out of the configuration: inject them from an external secret store; workloads read them through secret_key_ref or mounted files.',
  },
  inputs: ['configuration'],
  check(ctx) {
    if (!ctx.hasConfiguration) return [];
    const judged = (r: Resource) => applies(LEVELS, ctx.levelOf(r));
    return [
      ...ctx.resources.byKind('secret').filter(judged).map(secretFinding),
      ...ctx.resources.byKind('config_map').filter(judged).map(configMapFinding),
      ...POD_TEMPLATE_KINDS.flatMap((k) => ctx.resources.byKind(k)).filter(judged).map(envFinding),
    ].filter((f): f is RawFinding => f !== undefined);
  },
});
