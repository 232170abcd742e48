/**
 * K8S-022 secrets mounted as files, not exposed as environment variables: env.value_from
 * .secret_key_ref and env_from.secret_ref are findings. Only names are printed, never values.
 */
import { ALL_LEVELS, blocks, defineResourceRule, dig, POD_TEMPLATE_KINDS, str } from '../sdk';
import { listText } from './lib/text';
import { judgeContainers } from './lib/workloads';
import { STORAGE_CONFIDENTIALITY } from './lib/controls';

export const K8S_022 = defineResourceRule({
  id: 'K8S-022',
  pack: 'k8s',
  severity: 'low',
  title: { zh: 'Secret 以文件挂载，不作为环境变量', en: 'Secrets mounted as files, not exposed as environment variables' },
  clause: 'GB/T 22239-2019 8.1.4.8 b',
  levels: ALL_LEVELS,
  controls: STORAGE_CONFIDENTIALITY,
  remediation: {
    zh: '改用 secret 卷把 Secret 挂载为文件，删除 env.value_from.secret_key_ref 与 env_from.secret_ref。',
    en: 'Mount the Secret as files through a secret volume; remove env.value_from.secret_key_ref and env_from.secret_ref.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeContainers(({ ref }) => {
    const vars = blocks(ref.container, 'env')
      .filter((e) => dig(e, 'value_from', 'secret_key_ref') !== undefined)
      .map((e, i) => str(e, 'name') ?? `env[${i}]`);
    const secrets = blocks(ref.container, 'env_from')
      .map((e) => dig(e, 'secret_ref'))
      .filter((s) => s !== undefined)
      .map((s, i) => str(s, 'name') ?? `secret_ref[${i}]`);
    if (vars.length === 0 && secrets.length === 0) return undefined;
    const zh: string[] = [];
    const en: string[] = [];
    if (vars.length > 0) {
      zh.push(`环境变量 ${listText(vars)} 取自 Secret（secret_key_ref）`);
      en.push(`env ${listText(vars)} from a Secret (secret_key_ref)`);
    }
    if (secrets.length > 0) {
      zh.push(`env_from 引入 Secret ${listText(secrets)}`);
      en.push(`env_from Secret ${listText(secrets)}`);
    }
    return { zh: `以环境变量暴露 Secret：${zh.join('；')}`, en: `exposes Secrets as environment variables: ${en.join('; ')}` };
  }),
});
