/**
 * K8S-003/004/005 No host network, PID or IPC namespace. "Must not" rules: only a literal `true`
 * on the pod spec is a finding; an unresolved value passes.
 */
import type { Rule } from '../../checks/engine/types';
import { ALL_LEVELS, defineRule } from '../sdk/define';
import { readBool } from '../sdk/readings';
import { checkPodSpecs } from './lib/workloads';

const LEVELS = ALL_LEVELS;

function hostNamespaceRule(id: string, attribute: string, zhName: string, enName: string, cis: string): Rule {
  return defineRule({
    id,
    pack: 'k8s',
    severity: 'high',
    title: { zh: `禁止使用宿主机${zhName}（${attribute}）`, en: `No ${enName}` },
    clause: 'GB/T 22239-2019 8.1.4.4',
    levels: LEVELS,
    remediation: {
      zh: `删除 Pod 规约中的 ${attribute} 或设为 false（CIS ${cis}）。`,
      en: `Remove ${attribute} from the pod spec or set it to false (CIS ${cis}).`,
    },
    inputs: ['configuration'],
    check: (ctx) =>
      checkPodSpecs(ctx, LEVELS, ({ spec }) => {
        const v = readBool(spec, attribute);
        return v.kind === 'literal' && v.value
          ? [{ zh: `Pod 使用宿主机${zhName}（${attribute} = true）`, en: `pod uses the ${enName} (${attribute} = true)` }]
          : [];
      }),
  });
}

export const K8S_003 = hostNamespaceRule('K8S-003', 'host_network', '网络命名空间', 'host network namespace', '5.2.5');
export const K8S_004 = hostNamespaceRule('K8S-004', 'host_pid', '进程命名空间', 'host PID namespace', '5.2.3');
export const K8S_005 = hostNamespaceRule('K8S-005', 'host_ipc', ' IPC 命名空间', 'host IPC namespace', '5.2.4');
