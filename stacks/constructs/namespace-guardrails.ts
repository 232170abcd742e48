/**
 * Resource control per namespace: a ResourceQuota (the namespace cannot starve the cluster) and a
 * LimitRange (every container gets default requests/limits even if a manifest forgets them).
 */
import { Construct } from 'constructs';
import type { TerraformResource } from 'cdktf';
import { ResourceQuotaV1 } from '@cdktf/provider-kubernetes/lib/resource-quota-v1';
import { LimitRangeV1 } from '@cdktf/provider-kubernetes/lib/limit-range-v1';
import { after } from './after';

export interface QuotaSpec {
  /** Quantities, e.g. `4`, `8Gi`. */
  requestsCpu: string;
  requestsMemory: string;
  limitsCpu: string;
  limitsMemory: string;
  pods: number;
  /** Total persistent storage, e.g. `200Gi`; absent = no PVCs allowed. */
  requestsStorage?: string;
  persistentVolumeClaims?: number;
}

export interface NamespaceGuardrailsProps {
  namespace: string;
  labels: Record<string, string>;
  quota: QuotaSpec;
  /** Resources Terraform must create first (the namespace). */
  after?: readonly TerraformResource[];
}

/** A modest quota for the center's own namespaces (zones, platforms, ops tooling). */
export const INFRA_QUOTA: QuotaSpec = {
  requestsCpu: '4',
  requestsMemory: '8Gi',
  limitsCpu: '8',
  limitsMemory: '16Gi',
  pods: 50,
  requestsStorage: '100Gi',
  persistentVolumeClaims: 10,
};

export class NamespaceGuardrails extends Construct {
  constructor(scope: Construct, id: string, props: NamespaceGuardrailsProps) {
    super(scope, id);
    const q = props.quota;
    const hard: Record<string, string> = {
      'requests.cpu': q.requestsCpu,
      'requests.memory': q.requestsMemory,
      'limits.cpu': q.limitsCpu,
      'limits.memory': q.limitsMemory,
      pods: String(q.pods),
      'requests.storage': q.requestsStorage ?? '0',
      persistentvolumeclaims: String(q.persistentVolumeClaims ?? 0),
    };
    after(new ResourceQuotaV1(this, 'quota', {
      metadata: { name: 'quota', namespace: props.namespace, labels: props.labels },
      spec: { hard },
    }), props.after);
    after(new LimitRangeV1(this, 'limits', {
      metadata: { name: 'limits', namespace: props.namespace, labels: props.labels },
      spec: {
        limit: [
          {
            type: 'Container',
            default: { cpu: '500m', memory: '512Mi' },
            defaultRequest: { cpu: '100m', memory: '128Mi' },
          },
        ],
      },
    }), props.after);
  }
}
