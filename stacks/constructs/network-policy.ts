/**
 * One allow rule as a NetworkPolicy: ingress from, or egress to, namespaces selected by labels, on
 * given ports. Every allowance the stacks make goes through here, so each one is a named, labelled
 * policy a reviewer can read (and NET-005 / MLPS-003 can judge): never an empty peer, never 0.0.0.0/0.
 */
import { Construct } from 'constructs';
import type { TerraformResource } from 'cdktf';
import { NetworkPolicyV1, type NetworkPolicyV1SpecEgressPorts } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { after } from './after';

export interface PortSpec {
  port: number;
  protocol?: 'TCP' | 'UDP';
}

/** A peer: namespaces matching all `namespaceLabels`, or an IP range (never the whole Internet). */
export type Peer = { namespaceLabels: Record<string, string> } | { cidr: string };

export interface AllowPolicyProps {
  /** metadata.name of the policy. */
  name: string;
  namespace: string;
  labels: Record<string, string>;
  direction: 'ingress' | 'egress';
  /** Pods of `namespace` the policy applies to; empty = all pods. */
  podLabels?: Record<string, string>;
  peers: Peer[];
  /** Empty/absent = any port. */
  ports?: PortSpec[];
  /** The namespace resource, so Terraform creates it first. */
  /** Resources Terraform must create first (the namespace). */
  after?: readonly TerraformResource[];
}

/** Namespace label every Kubernetes ≥ 1.22 namespace carries: its name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export const DNS_PORTS: PortSpec[] = [
  { port: 53, protocol: 'UDP' },
  { port: 53, protocol: 'TCP' },
];

export class AllowPolicy extends Construct {
  constructor(scope: Construct, id: string, props: AllowPolicyProps) {
    super(scope, id);
    if (props.peers.length === 0) throw new Error(`AllowPolicy ${props.namespace}/${props.name}: no peer (an empty peer would allow everything)`);
    const peers = props.peers.map((p) => ('cidr' in p ? { ipBlock: { cidr: p.cidr } } : { namespaceSelector: { matchLabels: p.namespaceLabels } }));
    const ports: NetworkPolicyV1SpecEgressPorts[] | undefined = props.ports?.length
      ? props.ports.map((p) => ({ port: String(p.port), protocol: p.protocol ?? 'TCP' }))
      : undefined;
    const rule = props.direction === 'ingress' ? { from: peers, ports } : { to: peers, ports };
    after(new NetworkPolicyV1(this, 'policy', {
      metadata: { name: props.name, namespace: props.namespace, labels: props.labels },
      spec: {
        podSelector: props.podLabels ? { matchLabels: props.podLabels } : {},
        policyTypes: [props.direction === 'ingress' ? 'Ingress' : 'Egress'],
        ...(props.direction === 'ingress' ? { ingress: [rule] } : { egress: [rule] }),
      },
    }), props.after);
  }
}
