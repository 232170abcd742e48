/**
 * The allowed zone-to-zone flows (networks.flows) and nothing else (NET-005): for a flow A → B,
 * an egress allowance in every namespace of zone A towards namespaces labelled zone B, and an
 * ingress allowance in every namespace of zone B from namespaces labelled zone A, on the flow's ports.
 * Flows touching 政务内网 are skipped: it is not in the cluster.
 */
import { Construct } from 'constructs';
import type { ZoneFlow, ZoneId } from '../../checks/core/types';
import { LABELS } from '../../checks/core/labels';
import { AllowPolicy } from './network-policy';
import type { ManagedNamespace } from './managed-namespace';

export interface ZoneFlowPoliciesProps {
  flows: readonly ZoneFlow[];
  /** The center's zone and platform namespaces (each knows its zone). */
  namespaces: readonly ManagedNamespace[];
}

export function flowPolicyName(from: ZoneId, to: ZoneId, direction: 'ingress' | 'egress'): string {
  return `allow-flow-${from}-to-${to}-${direction}`;
}

export class ZoneFlowPolicies extends Construct {
  constructor(scope: Construct, id: string, props: ZoneFlowPoliciesProps) {
    super(scope, id);
    for (const flow of props.flows) {
      if (flow.from === 'intranet' || flow.to === 'intranet' || flow.from === flow.to) continue;
      const ports = (flow.ports ?? []).map((port) => ({ port }));
      for (const ns of props.namespaces) {
        if (ns.zone === flow.from) {
          new AllowPolicy(this, `${flow.from}-${flow.to}-egress-${ns.name}`, {
            name: flowPolicyName(flow.from, flow.to, 'egress'),
            namespace: ns.name,
            labels: ns.labels,
            direction: 'egress',
            peers: [{ namespaceLabels: { [LABELS.zone]: flow.to } }],
            ports,
            after: [ns.resource],
          });
        }
        if (ns.zone === flow.to) {
          new AllowPolicy(this, `${flow.from}-${flow.to}-ingress-${ns.name}`, {
            name: flowPolicyName(flow.from, flow.to, 'ingress'),
            namespace: ns.name,
            labels: ns.labels,
            direction: 'ingress',
            peers: [{ namespaceLabels: { [LABELS.zone]: flow.from } }],
            ports,
            after: [ns.resource],
          });
        }
      }
    }
  }
}
