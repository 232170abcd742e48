/**
 * A Kubernetes object as the kubernetes provider writes it (docs/k8s-pack.md "Manifests"): the same
 * attribute names the rules read on Terraform, so every rule judges manifests unchanged.
 *
 *  - camelCase field names → snake_case (`securityContext` → `security_context`, `hostPID` → `host_pid`);
 *  - lists the provider writes as repeated singular blocks → singular (`containers` → `container`,
 *    `initContainers` → `init_container`, `volumes` → `volume`, `volumeMounts` → `volume_mount`,
 *    `ports` → `port` (not in a NetworkPolicy, whose rules keep `ports`), `rules` → `rule`,
 *    `subjects` → `subject`, `sysctls` → `sysctl`, `topologySpreadConstraints` →
 *    `topology_spread_constraint`, `tolerations` → `toleration`, `paths` → `path`, …);
 *  - maps keep their keys as written (labels, annotations, `matchLabels`, `nodeSelector`, `data`,
 *    resource quantities, a Service's `selector`);
 *  - `kind: Deployment` → type `kubernetes_deployment_v1` (canonical kind `deployment`); a
 *    `…/v1beta1` API version → the unversioned type (`policy/v1beta1` PodDisruptionBudget →
 *    `kubernetes_pod_disruption_budget`), whose older semantics the rules know;
 *  - strings are literal text: `${…}` and `%{…}` in a manifest are not Terraform templates, so they
 *    are escaped (`$${`, `%%{`) before the Terraform normalizer reads them.
 */
import type { PlainValue } from '../../../core/yaml';
import { setOwn } from '../../own-property';

/** Kinds whose Terraform type is not the snake_case of the kind. */
const TYPE_OF_KIND: Readonly<Record<string, string>> = {
  DaemonSet: 'daemon_set',
  HorizontalPodAutoscaler: 'horizontal_pod_autoscaler',
};

/** Fields whose value is a map of user keys: the keys are kept as written. */
const MAP_FIELDS = new Set([
  'labels', 'annotations', 'matchLabels', 'nodeSelector', 'data', 'stringData', 'binaryData', 'limits', 'requests',
  'hard', 'capacity', 'parameters', 'volumeAttributes', 'options', 'overhead',
]);

/** Plural list fields written by the provider as repeated singular blocks. */
const SINGULAR: Readonly<Record<string, string>> = {
  containers: 'container',
  initContainers: 'init_container',
  ephemeralContainers: 'ephemeral_container',
  volumes: 'volume',
  volumeMounts: 'volume_mount',
  volumeDevices: 'volume_device',
  ports: 'port',
  rules: 'rule',
  subjects: 'subject',
  sysctls: 'sysctl',
  topologySpreadConstraints: 'topology_spread_constraint',
  tolerations: 'toleration',
  paths: 'path',
  nodeSelectorTerms: 'node_selector_term',
  hostAliases: 'host_aliases',
  imagePullSecrets: 'image_pull_secrets',
  readinessGates: 'readiness_gate',
  secrets: 'secret',
  items: 'items',
  tls: 'tls',
  volumeClaimTemplates: 'volume_claim_template',
};

/** `securityContext` → `security_context`, `hostPID` → `host_pid`, `apiGroups` → `api_groups`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** The Terraform type of a kind: `Deployment` (apps/v1) → `kubernetes_deployment_v1`. */
export function terraformTypeOf(kind: string, apiVersion: string | undefined): string {
  const base = TYPE_OF_KIND[kind] ?? snakeCase(kind);
  const prerelease = apiVersion !== undefined && /v\d+(alpha|beta)\d+$/.test(apiVersion);
  return prerelease ? `kubernetes_${base}` : `kubernetes_${base}_v1`;
}

/** Literal text: what would read as a Terraform template is escaped. */
function literal(s: string): string {
  return s.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

function mapValue(v: PlainValue): PlainValue {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return typeof v === 'string' ? literal(v) : v;
  const out: Record<string, PlainValue> = {};
  for (const [k, x] of Object.entries(v)) setOwn(out, k, typeof x === 'string' ? literal(x) : x);
  return out;
}

/** A label selector object (a Service's `selector` is a plain map instead). */
function isLabelSelector(v: PlainValue): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && ('matchLabels' in v || 'matchExpressions' in v);
}

function fieldName(key: string, kind: string): string {
  if (key === 'ports' && kind === 'NetworkPolicy') return 'ports';
  return SINGULAR[key] ?? snakeCase(key);
}

/** One value of the object, converted (depth-limited by the YAML reader already). */
export function convertValue(v: PlainValue, kind: string, key?: string): PlainValue {
  if (typeof v === 'string') return literal(v);
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => convertValue(x, kind));
  if (key !== undefined && (MAP_FIELDS.has(key) || (key === 'selector' && !isLabelSelector(v)))) return mapValue(v);
  const out: Record<string, PlainValue> = {};
  for (const [k, x] of Object.entries(v)) {
    setOwn(out, fieldName(k, kind), convertValue(x, kind, k));
  }
  return out;
}

/** The body of the Terraform resource for one Kubernetes object: everything but apiVersion and kind. */
export function terraformBody(obj: { readonly [k: string]: PlainValue }, kind: string): Record<string, PlainValue> {
  const out: Record<string, PlainValue> = {};
  for (const [k, x] of Object.entries(obj)) {
    if (k === 'apiVersion' || k === 'kind' || k === 'status') continue;
    setOwn(out, fieldName(k, kind), convertValue(x, kind, k));
  }
  return out;
}
