/**
 * K8S-003/004/005: host network, PID and IPC namespaces. "Must not" rules: only a literal `true`
 * on the pod spec is a finding; an unresolved value passes.
 */
import { readBool, type ResourceRuleSpec } from '../../sdk';
import { judgePodSpec } from './workloads';

export type HostNamespaceAttribute = 'host_network' | 'host_pid' | 'host_ipc';

/** The judge of one host-namespace attribute; `zhName` / `enName` name the namespace in messages. */
export function judgeHostNamespace(attribute: HostNamespaceAttribute, zhName: string, enName: string): ResourceRuleSpec['judge'] {
  return judgePodSpec(({ spec }) => {
    const v = readBool(spec, attribute);
    return v.kind === 'literal' && v.value ? [{ zh: `Pod 使用宿主机${zhName}（${attribute} = true）`, en: `pod uses the ${enName} (${attribute} = true)` }] : [];
  });
}
