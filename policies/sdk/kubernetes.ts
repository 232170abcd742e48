/**
 * Kubernetes semantics, not field presence — in ONE place (docs/contract/RULES.md, K8S section;
 * docs/k8s-pack.md "Kubernetes semantics"). Every rule that needs one of these reads it from here:
 *
 *  - namespaces: a namespaced object without metadata.namespace is in `default` (`namespaceOf`; the
 *    resource index files it there, so `inNamespace(stack, 'default')` finds it);
 *  - selectors of the workload's own pods: a PodDisruptionBudget, a pod anti-affinity term and a
 *    topology spread constraint count only if their label selector selects the workload's pod
 *    labels (`pdbSelectsPods`, `termSelectsOwnPods`) — one selector implementation (selectors.ts);
 *  - the service account: `service_account_name` missing or `""` is the `default` account;
 *  - the image pull policy Kubernetes applies when it is omitted: Always for `:latest` or an
 *    untagged image, IfNotPresent otherwise (`effectivePullPolicy`);
 *  - a LoadBalancer Service the cloud provider makes internal by a well-known annotation
 *    (`internalLoadBalancerAnnotation`) is not Internet exposure;
 *  - sensitive host paths (prefix semantics), the safe sysctls, procMount.
 */
import { resourceNamespace } from '../../checks/engine/resource-index';
import type { Resource, Value } from '../../checks/engine/types';
import { block, dig, isObj, isUnresolved, strList, strMap, type Obj } from '../../checks/engine/values';
import { podTemplateMetadata } from '../../checks/engine/pods';
import { selects, selectorMatches } from './selectors';

/** The namespace a resource is in: `default` when a namespaced object sets none; undefined for cluster-scoped ones. */
export function namespaceOf(r: Resource): string | undefined {
  return resourceNamespace(r);
}

export { CLUSTER_SCOPED_KINDS } from '../../checks/engine/resource-index';

/** The labels of the pods a workload creates (its pod template's labels; a pod's own labels). */
export function podLabelsOf(r: Resource): Record<string, string> {
  return strMap(podTemplateMetadata(r)?.labels);
}

/**
 * Whether a PodDisruptionBudget provably selects these pod labels. A PDB without a selector selects
 * no pods; an empty selector `{}` selects every pod of the namespace in policy/v1
 * (`kubernetes_pod_disruption_budget_v1`) and none in policy/v1beta1 (the unversioned type).
 */
export function pdbSelectsPods(pdb: Resource, labels: Readonly<Record<string, string>>): boolean {
  const spec = dig(pdb.attrs, 'spec');
  const raw = isObj(spec) ? spec.selector : undefined;
  if (raw === undefined || raw === null) return false;
  const sel = Array.isArray(raw) ? raw[0] : raw;
  if (isUnresolved(sel)) return false;
  if (!isObj(sel)) return false;
  const empty = Object.keys(sel).filter((k) => sel[k] !== null && !(Array.isArray(sel[k]) && (sel[k] as Value[]).length === 0)).length === 0;
  if (empty) return !pdb.type.endsWith('pod_disruption_budget');
  return selectorMatches(sel, labels);
}

/**
 * Whether a pod anti-affinity term (`pod_affinity_term` / a required term) or a topology spread
 * constraint counts for the workload's own pods: its `label_selector` selects the pod labels. A
 * term without a label selector matches no pods (Kubernetes); an unresolved selector is not proven.
 * For affinity terms, a literal `namespaces` list that leaves out the workload's namespace
 * selects other pods.
 */
export function termSelectsOwnPods(term: Obj | undefined, workload: Resource): boolean {
  if (!term) return false;
  const sel = block(term, 'label_selector');
  if (sel === undefined) return false;
  if (selects(sel, podLabelsOf(workload)) !== true) return false;
  const namespaces = strList(term, 'namespaces');
  if (namespaces.length > 0 && block(term, 'namespace_selector') === undefined) {
    const own = namespaceOf(workload);
    if (own === undefined || !namespaces.includes(own)) return false;
  }
  return true;
}

/** `service_account_name` missing or `""`: the pod runs as the namespace's `default` account. */
export function isDefaultServiceAccountName(name: string | undefined): boolean {
  return name === undefined || name === '' || name === 'default';
}

/** The tag of an image as the kubelet parses it: `latest` when neither tag nor digest is written. */
export function imageTagForDefaulting(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash && colon < name.length - 1) return name.slice(colon + 1);
  return at >= 0 ? '' : 'latest';
}

/**
 * The pull policy Kubernetes applies to a container: the one written, else Always for an image
 * tagged `:latest` or untagged (no digest), IfNotPresent otherwise. Undefined when it cannot be
 * told (no policy written and the image not a literal).
 */
export function effectivePullPolicy(written: string | undefined, image: string | undefined): string | undefined {
  if (written !== undefined) return written;
  if (image === undefined) return undefined;
  return imageTagForDefaulting(image) === 'latest' ? 'Always' : 'IfNotPresent';
}

/**
 * Annotations by which a cloud's load-balancer controller makes a `LoadBalancer` Service internal
 * (a private address only), with the value(s) that do so; `*` means any non-empty value other
 * than "false". Documented in docs/k8s-pack.md.
 */
export const INTERNAL_LOAD_BALANCER_ANNOTATIONS: readonly { readonly key: string; readonly values: readonly string[]; readonly cloud: string }[] = [
  { key: 'service.beta.kubernetes.io/aws-load-balancer-internal', values: ['true', '0.0.0.0/0'], cloud: 'AWS (legacy in-tree and AWS Load Balancer Controller)' },
  { key: 'service.beta.kubernetes.io/aws-load-balancer-scheme', values: ['internal'], cloud: 'AWS Load Balancer Controller' },
  { key: 'networking.gke.io/load-balancer-type', values: ['Internal'], cloud: 'Google Cloud (GKE)' },
  { key: 'cloud.google.com/load-balancer-type', values: ['Internal'], cloud: 'Google Cloud (GKE, older clusters)' },
  { key: 'service.beta.kubernetes.io/azure-load-balancer-internal', values: ['true'], cloud: 'Azure (AKS)' },
  { key: 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', values: ['intranet'], cloud: 'Alibaba Cloud (ACK)' },
  { key: 'service.kubernetes.io/qcloud-loadbalancer-internal-subnetid', values: ['*'], cloud: 'Tencent Cloud (TKE)' },
  { key: 'service.beta.kubernetes.io/openstack-internal-load-balancer', values: ['true'], cloud: 'OpenStack' },
];

/** The annotation that makes a LoadBalancer Service internal, or undefined. */
export function internalLoadBalancerAnnotation(annotations: Readonly<Record<string, string>>): string | undefined {
  for (const a of INTERNAL_LOAD_BALANCER_ANNOTATIONS) {
    const v = annotations[a.key];
    if (v === undefined) continue;
    const ok = a.values.includes('*') ? v.trim() !== '' && v.trim().toLowerCase() !== 'false' : a.values.some((x) => x.toLowerCase() === v.trim().toLowerCase());
    if (ok) return `${a.key}: ${v}`;
  }
  return undefined;
}

/**
 * K8S-028: host paths a pod must not mount. Prefix semantics on whole path components: `/etc` covers
 * `/etc/kubernetes`; `/` itself is sensitive (it holds everything). Paths are normalized first.
 */
export const SENSITIVE_HOST_PATHS: readonly string[] = [
  '/', '/etc', '/proc', '/sys', '/dev', '/boot', '/root', '/home', '/var/run', '/run', '/var/lib/kubelet',
  '/var/lib/docker', '/var/lib/containerd', '/var/lib/etcd', '/usr', '/lib', '/bin', '/sbin',
];

/** `/a//b/./c/../` → `/a/b`; a relative path is taken from `/`. */
export function normalizeHostPath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** The sensitive prefix a host path falls under, or undefined (`/` matches only `/` itself). */
export function sensitiveHostPath(p: string): string | undefined {
  const n = normalizeHostPath(p);
  if (n === '/') return '/';
  // the longest prefix that matches, so the message names the most specific one
  let hit: string | undefined;
  for (const s of SENSITIVE_HOST_PATHS) {
    if (s === '/') continue;
    if ((n === s || n.startsWith(`${s}/`)) && (hit === undefined || s.length > hit.length)) hit = s;
  }
  return hit;
}

/**
 * K8S-030: the sysctls Kubernetes considers safe (namespaced, isolated per pod) — the Pod
 * Security Standards Baseline allow-list (Kubernetes ≥ 1.29). Any other sysctl is unsafe.
 */
export const SAFE_SYSCTLS: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

/** Sysctl names may be written with `/` instead of `.` (`net/ipv4/tcp_syncookies`). */
export function isSafeSysctl(name: string): boolean {
  return SAFE_SYSCTLS.has(name.trim().replace(/\//g, '.'));
}
