/**
 * MLPS-008 — 8.1.4.8 b 数据保密性 (level 4: 9.1.4.8 b; level 2 has no 数据保密性 control, the rule
 * still applies there): protect the confidentiality of important data such as authentication data
 * in storage. A literal secret in the Terraform configuration lands in plan
 * files and state in clear text. Evidence: literal values in Secret data / string_data /
 * binary_data, in ConfigMap keys named like credentials, and in container env variables named like
 * credentials or holding URLs with passwords or PEM private keys (ConfigMap values too), and
 * container args / command with `--password=…`. Messages name keys and flags only, never values.
 * Judged: every Secret, ConfigMap and pod-template resource at levels 2+.
 */
import { blocks, containers, defineResourceRule, fromLevel, mlpsControls, NO_COUNTERPART, podSpec, POD_TEMPLATE_KINDS, str, strList, type RawFinding, type Resource } from '../sdk';
import { embedsCredentials, isSensitiveName, keysWithCredentials, literalKeys, secretArguments } from './lib/secrets';
import { where } from './lib/text';

const SECRET_FIELDS = ['data', 'string_data', 'binary_data'] as const;

function plaintext(r: Resource, keys: readonly string[]): RawFinding[] {
  if (keys.length === 0) return [];
  const list = keys.join(', ');
  return [{
    resource: r,
    message: {
      zh: `${where(r)} 在 Terraform 配置中以明文写入了机密值：${list}（值将进入 plan 与 state）`,
      en: `${where(r)} writes secret values in plaintext into the Terraform configuration: ${list} (they land in plan and state)`,
    },
  }];
}

function secretKeys(r: Resource): string[] {
  return SECRET_FIELDS.flatMap((f) => literalKeys(r.attrs[f]).map((k) => `${f}.${k}`));
}

function configMapKeys(r: Resource): string[] {
  const named = literalKeys(r.attrs.data).filter(isSensitiveName);
  const carrying = keysWithCredentials(r.attrs.data).filter((k) => !named.includes(k));
  return [...named, ...carrying].sort().map((k) => `data.${k}`);
}

function envNames(r: Resource): string[] {
  const names: string[] = [];
  for (const c of containers(podSpec(r))) {
    for (const e of blocks(c.container, 'env')) {
      const name = str(e, 'name');
      const value = str(e, 'value');
      if (name === undefined || value === undefined || value === '') continue;
      if (isSensitiveName(name) || embedsCredentials(value)) names.push(`${c.type} ${c.name}: env ${name}`);
    }
    for (const field of ['command', 'args'] as const) {
      const list = strList(c.container, field);
      if (list) for (const a of secretArguments(list)) names.push(`${c.type} ${c.name}: ${field} ${a}`);
    }
  }
  return names;
}

export const MLPS_008 = defineResourceRule({
  id: 'MLPS-008',
  pack: 'mlps',
  severity: 'high',
  title: { zh: 'Terraform 配置中不得出现明文机密', en: 'No plaintext secret value in the Terraform configuration' },
  clause: 'GB/T 22239-2019 8.1.4.8 b',
  levels: fromLevel(2),
  controls: { 2: NO_COUNTERPART, 3: mlpsControls('8.1.4.8', 'b'), 4: mlpsControls('9.1.4.8', 'b') },
  remediation: {
    zh: '机密值不写入配置：由外部密钥管理注入，工作负载通过 secret_key_ref 或挂载文件读取。',
    en: 'Keep secret values out of the configuration: inject them from an external secret store; workloads read them through secret_key_ref or mounted files.',
  },
  inputs: ['configuration'],
  kinds: ['secret', 'config_map', ...POD_TEMPLATE_KINDS],
  judge: (r) => plaintext(r, r.kind === 'secret' ? secretKeys(r) : r.kind === 'config_map' ? configMapKeys(r) : envNames(r)),
});
