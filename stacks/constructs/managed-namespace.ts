/**
 * A namespace of the center's own (zone, platform, ops), with what every namespace gets: default
 * deny + DNS, ResourceQuota + LimitRange. The other constructs put their resources into it.
 */
import { Construct } from 'constructs';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import type { ZoneId } from '../../checks/core/types';
import { CONVENTION_LABELS } from '../../checks/core/conventions';
import { platformLabels } from '../resource-labels';
import { DefaultDenyPolicies } from './default-deny-policies';
import { INFRA_QUOTA, NamespaceGuardrails } from './namespace-guardrails';

export type NamespaceKind = 'zone' | 'platform' | 'ops' | 'system';

export interface ManagedNamespaceProps {
  name: string;
  kind: Exclude<NamespaceKind, 'system'>;
  center: string;
  /** The zone the namespace belongs to (zone and platform namespaces). */
  zone?: ZoneId;
  /** Extra labels, e.g. the platform id. */
  extraLabels?: Record<string, string>;
}

export class ManagedNamespace extends Construct {
  readonly name: string;
  readonly zone?: ZoneId;
  /** Labels for resources inside the namespace. */
  readonly labels: Record<string, string>;
  readonly resource: NamespaceV1;

  constructor(scope: Construct, id: string, props: ManagedNamespaceProps) {
    super(scope, id);
    this.name = props.name;
    this.zone = props.zone;
    this.labels = { ...platformLabels(props.center, props.zone), ...(props.extraLabels ?? {}) };
    this.resource = new NamespaceV1(this, 'namespace', {
      metadata: { name: props.name, labels: { ...this.labels, [CONVENTION_LABELS.namespaceKind]: props.kind } },
    });
    const deps = [this.resource];
    new DefaultDenyPolicies(this, 'default-deny', { namespace: props.name, labels: this.labels, after: deps });
    new NamespaceGuardrails(this, 'guardrails', { namespace: props.name, labels: this.labels, quota: INFRA_QUOTA, after: deps });
  }
}
