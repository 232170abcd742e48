/**
 * What the rules judge, in ONE place: the blocks and fields of a resource that policies/k8s/*
 * read, with the shape each must have and the rules that read it. The CFG pack walks this:
 * a value of the wrong shape here cannot be read (CFG-001), an expression left here after the
 * variables were resolved is not known before deployment (CFG-002).
 *
 * Not here, on purpose: the fields rules read only to find or group resources — names,
 * namespaces, labels, selectors. They carry references between resources legitimately
 * (`namespace = kubernetes_namespace_v1.x.metadata[0].name`), and a reference is not a value a
 * rule judges (K8S-020 and the selector matching treat an unresolved one as "not default" / "no
 * match" on purpose, docs/k8s-pack.md).
 *
 * Keep it in step with policies/k8s/*: a rule that starts reading a field adds it here.
 */
import { POD_TEMPLATE_PATHS } from './pods';

export type FieldType = 'bool' | 'number' | 'string' | 'strings';

export interface JudgedField {
  readonly type: FieldType;
  readonly rules: readonly string[];
  /**
   * A whole-value reference to a managed resource (`${kubernetes_service_account_v1.web.metadata[0].name}`)
   * names something this configuration creates: it is not an unknown value.
   */
  readonly resourceReferences?: boolean;
  /**
   * The rules judge a partly templated value on its literal parts (images: registry before the
   * first `${`, tag and digest after the last `}`), so only a value that is one expression is unknown.
   */
  readonly literalParts?: boolean;
}

export interface JudgedBlock {
  /** The provider allows the block once; the rules read the first, so a second one is never judged. */
  readonly once: boolean;
  readonly rules: readonly string[];
  readonly fields?: Readonly<Record<string, JudgedField>>;
  readonly blocks?: Readonly<Record<string, JudgedBlock>>;
}

const field = (type: FieldType, rules: string[], extra: Partial<JudgedField> = {}): JudgedField => ({ type, rules, ...extra });
const once = (rules: string[], parts: Pick<JudgedBlock, 'fields' | 'blocks'> = {}): JudgedBlock => ({ once: true, rules, ...parts });
const many = (rules: string[], parts: Pick<JudgedBlock, 'fields' | 'blocks'> = {}): JudgedBlock => ({ once: false, rules, ...parts });

const SECCOMP_PROFILE = once(['K8S-026'], { fields: { type: field('string', ['K8S-026']) } });

const CONTAINER_SECURITY_CONTEXT = once(['K8S-001', 'K8S-002', 'K8S-007', 'K8S-008', 'K8S-009', 'K8S-010', 'K8S-026'], {
  fields: {
    privileged: field('bool', ['K8S-001']),
    allow_privilege_escalation: field('bool', ['K8S-002']),
    run_as_non_root: field('bool', ['K8S-009']),
    run_as_user: field('number', ['K8S-009']),
    read_only_root_filesystem: field('bool', ['K8S-010']),
    // K8S-029 of the contract (docs/contract/RULES.md).
    proc_mount: field('string', ['K8S-029']),
  },
  blocks: {
    capabilities: once(['K8S-007', 'K8S-008'], { fields: { add: field('strings', ['K8S-008']), drop: field('strings', ['K8S-007']) } }),
    seccomp_profile: SECCOMP_PROFILE,
  },
});

const CONTAINER = many(['K8S-001…K8S-019', 'K8S-022', 'K8S-026', 'K8S-027'], {
  fields: {
    image: field('string', ['K8S-015', 'K8S-016', 'K8S-027'], { literalParts: true }),
    image_pull_policy: field('string', ['K8S-017']),
  },
  blocks: {
    security_context: CONTAINER_SECURITY_CONTEXT,
    port: many(['K8S-006'], { fields: { host_port: field('number', ['K8S-006']) } }),
    // limits/requests: "is set" rules (K8S-011…014) — a key with an unresolved quantity is set,
    // so only the maps themselves are judged, not the quantities in them.
    resources: once(['K8S-011', 'K8S-012', 'K8S-013', 'K8S-014'], {
      blocks: { limits: once(['K8S-011', 'K8S-012']), requests: once(['K8S-013', 'K8S-014']) },
    }),
    env: many(['K8S-022'], { blocks: { value_from: once(['K8S-022'], { blocks: { secret_key_ref: once(['K8S-022']) } }) } }),
    env_from: many(['K8S-022'], { blocks: { secret_ref: once(['K8S-022']) } }),
    liveness_probe: once(['K8S-018']),
    readiness_probe: once(['K8S-019']),
  },
});

const POD_SPEC = once(['K8S-001…K8S-027'], {
  fields: {
    host_network: field('bool', ['K8S-003']),
    host_pid: field('bool', ['K8S-004']),
    host_ipc: field('bool', ['K8S-005']),
    service_account_name: field('string', ['K8S-024', 'K8S-025'], { resourceReferences: true }),
    automount_service_account_token: field('bool', ['K8S-024']),
  },
  blocks: {
    container: CONTAINER,
    init_container: CONTAINER,
    security_context: once(['K8S-009', 'K8S-026', 'K8S-030'], {
      fields: { run_as_non_root: field('bool', ['K8S-009']), run_as_user: field('number', ['K8S-009']) },
      blocks: {
        seccomp_profile: SECCOMP_PROFILE,
        // K8S-030 of the contract (docs/contract/RULES.md).
        sysctl: many(['K8S-030'], { fields: { name: field('string', ['K8S-030']), value: field('string', ['K8S-030']) } }),
      },
    }),
    // K8S-021 (runtime sockets) and K8S-028 of the contract (sensitive host paths).
    volume: many(['K8S-021', 'K8S-028'], { blocks: { host_path: once(['K8S-021', 'K8S-028'], { fields: { path: field('string', ['K8S-021', 'K8S-028']) } }) } }),
  },
});

/** metadata is read for namespace, labels and annotations (K8S-020, K8S-026, MLPS, INV): a block. */
const METADATA = once(['K8S-020', 'K8S-026']);

/** The body of a pod-template resource: metadata, and the blocks down to the pod spec (pods.ts). */
function podTemplateBody(path: readonly string[]): JudgedBlock {
  let inner: JudgedBlock = POD_SPEC;
  for (let i = path.length - 2; i >= 0; i--) {
    // The block holding the pod spec is a template: it has the pods' metadata beside the spec.
    const withMetadata: Record<string, JudgedBlock> = path[i] === 'template' ? { metadata: METADATA } : {};
    inner = once(['K8S-001…K8S-027'], { blocks: { ...withMetadata, [path[i + 1]]: inner } });
  }
  return once([], { blocks: { metadata: METADATA, [path[0]]: inner } });
}

const SERVICE_ACCOUNT = once(['K8S-024'], { fields: { automount_service_account_token: field('bool', ['K8S-024']) }, blocks: { metadata: METADATA } });
const ROLE = once(['K8S-023'], {
  blocks: {
    metadata: METADATA,
    rule: many(['K8S-023'], { fields: { api_groups: field('strings', ['K8S-023']), resources: field('strings', ['K8S-023']), verbs: field('strings', ['K8S-023']) } }),
  },
});
/** Namespaced kinds K8S-020 judges besides pod templates (policies/k8s/k8s-020-default-namespace.ts). */
const NAMESPACED = once(['K8S-020'], { blocks: { metadata: METADATA } });

const BY_KIND: Readonly<Record<string, JudgedBlock>> = {
  ...Object.fromEntries(Object.entries(POD_TEMPLATE_PATHS).map(([kind, path]) => [kind, podTemplateBody(path)])),
  service_account: SERVICE_ACCOUNT,
  default_service_account: SERVICE_ACCOUNT,
  role: ROLE,
  cluster_role: ROLE,
  service: NAMESPACED,
  ingress: NAMESPACED,
  config_map: NAMESPACED,
  secret: NAMESPACED,
  persistent_volume_claim: NAMESPACED,
  role_binding: NAMESPACED,
};

/** What the rules judge in a resource body of this canonical kind, if anything. */
export function judgedBody(kind: string): JudgedBlock | undefined {
  return BY_KIND[kind];
}

function collectRepeatable(b: JudgedBlock, out: Set<string>): Set<string> {
  for (const [name, child] of Object.entries(b.blocks ?? {})) {
    if (!child.once) out.add(name);
    collectRepeatable(child, out);
  }
  return out;
}

/** Block names that may repeat (container, port, volume, …): a field path always gives their index. */
export const REPEATABLE_BLOCKS: ReadonlySet<string> = Object.values(BY_KIND).reduce((set, b) => collectRepeatable(b, set), new Set<string>());

/** One step of a field path: a block or field name, and the block's index among its siblings. */
export interface PathStep {
  readonly name: string;
  readonly index?: number;
}

/**
 * `spec.template.spec.container[0].security_context`: repeatable blocks (and any block after the
 * first of its name) show their index; blocks the provider allows once do not.
 */
export function fieldPath(steps: readonly PathStep[]): string {
  return steps
    .map((s) => (s.index !== undefined && (s.index > 0 || REPEATABLE_BLOCKS.has(s.name)) ? `${s.name}[${s.index}]` : s.name))
    .join('.');
}
