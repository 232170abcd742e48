/**
 * Default deny (MLPS-002, GB/T 22239-2019 8.1.3.2 a): in every namespace, a NetworkPolicy with an
 * empty pod selector and both policy types and no rules, so only explicit allowances admit traffic.
 * Also the one allowance every namespace needs: DNS to kube-system.
 */
import { Construct } from 'constructs';
import type { TerraformResource } from 'cdktf';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { AllowPolicy, DNS_PORTS, NAMESPACE_NAME_LABEL } from './network-policy';
import { after } from './after';

export interface DefaultDenyPoliciesProps {
  namespace: string;
  labels: Record<string, string>;
  /** Also admit DNS egress to kube-system (default true). */
  allowDns?: boolean;
  /** Resources Terraform must create first (the namespace). */
  after?: readonly TerraformResource[];
}

export const DEFAULT_DENY_POLICY = 'default-deny-all';
export const DNS_EGRESS_POLICY = 'allow-dns-egress';

export class DefaultDenyPolicies extends Construct {
  constructor(scope: Construct, id: string, props: DefaultDenyPoliciesProps) {
    super(scope, id);
    after(new NetworkPolicyV1(this, 'deny', {
      metadata: { name: DEFAULT_DENY_POLICY, namespace: props.namespace, labels: props.labels },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    }), props.after);
    if (props.allowDns !== false) {
      new AllowPolicy(this, 'dns', {
        name: DNS_EGRESS_POLICY,
        namespace: props.namespace,
        labels: props.labels,
        direction: 'egress',
        peers: [{ namespaceLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } }],
        ports: DNS_PORTS,
        after: props.after,
      });
    }
  }
}
