/**
 * The K8S pack: workload hardening (RULES.md, K8S-001 … K8S-027), in id order.
 * Attributes read and the unresolved-value policy: docs/k8s-pack.md.
 */
import type { Rule } from '../../checks/engine/types';
import { definePack, type Pack } from '../sdk/define';
import { K8S_001 } from './privileged';
import { K8S_002 } from './privilege-escalation';
import { K8S_003, K8S_004, K8S_005 } from './host-namespaces';
import { K8S_006 } from './host-port';
import { K8S_007, K8S_008 } from './capabilities';
import { K8S_009 } from './run-as-non-root';
import { K8S_010 } from './read-only-root';
import { K8S_011, K8S_012, K8S_013, K8S_014 } from './resource-quantities';
import { K8S_015 } from './image-tag';
import { K8S_016 } from './image-digest';
import { K8S_017 } from './image-pull-policy';
import { K8S_018, K8S_019 } from './probes';
import { K8S_020 } from './default-namespace';
import { K8S_021 } from './runtime-socket';
import { K8S_022 } from './secret-env';
import { K8S_023 } from './rbac-wildcard';
import { K8S_024 } from './token-automount';
import { K8S_025 } from './default-service-account';
import { K8S_026 } from './seccomp';
import { K8S_027 } from './approved-registry';

export const K8S_PACK: Pack = definePack({
  id: 'k8s',
  prefix: 'K8S',
  title: { zh: '工作负载加固', en: 'Workload hardening' },
  authority: 'GB/T 22239-2019 8.1.4.2, 8.1.4.4, 8.1.4.6; CIS Kubernetes Benchmark §5',
  rules: [
  K8S_001, K8S_002, K8S_003, K8S_004, K8S_005, K8S_006, K8S_007, K8S_008, K8S_009,
  K8S_010, K8S_011, K8S_012, K8S_013, K8S_014, K8S_015, K8S_016, K8S_017, K8S_018,
  K8S_019, K8S_020, K8S_021, K8S_022, K8S_023, K8S_024, K8S_025, K8S_026, K8S_027,
],
});

export const K8S_RULES: readonly Rule[] = K8S_PACK.rules;
