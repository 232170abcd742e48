/**
 * The K8S pack: workload hardening (RULES.md, K8S-001 … K8S-031), one file per rule, in id order.
 * Attributes read and the unresolved-value policy: docs/k8s-pack.md.
 */
import { definePack, type Pack } from '../sdk';
import { K8S_001 } from './k8s-001-privileged';
import { K8S_002 } from './k8s-002-privilege-escalation';
import { K8S_003 } from './k8s-003-host-network';
import { K8S_004 } from './k8s-004-host-pid';
import { K8S_005 } from './k8s-005-host-ipc';
import { K8S_006 } from './k8s-006-host-port';
import { K8S_007 } from './k8s-007-drop-capabilities';
import { K8S_008 } from './k8s-008-dangerous-capabilities';
import { K8S_009 } from './k8s-009-run-as-non-root';
import { K8S_010 } from './k8s-010-read-only-root';
import { K8S_011 } from './k8s-011-cpu-limit';
import { K8S_012 } from './k8s-012-memory-limit';
import { K8S_013 } from './k8s-013-cpu-request';
import { K8S_014 } from './k8s-014-memory-request';
import { K8S_015 } from './k8s-015-image-tag';
import { K8S_016 } from './k8s-016-image-digest';
import { K8S_017 } from './k8s-017-image-pull-policy';
import { K8S_018 } from './k8s-018-liveness-probe';
import { K8S_019 } from './k8s-019-readiness-probe';
import { K8S_020 } from './k8s-020-default-namespace';
import { K8S_021 } from './k8s-021-runtime-socket';
import { K8S_022 } from './k8s-022-secret-env';
import { K8S_023 } from './k8s-023-rbac-wildcard';
import { K8S_024 } from './k8s-024-token-automount';
import { K8S_025 } from './k8s-025-default-service-account';
import { K8S_026 } from './k8s-026-seccomp';
import { K8S_027 } from './k8s-027-approved-registry';
import { K8S_028 } from './k8s-028-sensitive-host-path';
import { K8S_029 } from './k8s-029-proc-mount';
import { K8S_030 } from './k8s-030-unsafe-sysctls';
import { K8S_031 } from './k8s-031-default-service-account-binding';

export const K8S_PACK: Pack = definePack({
  id: 'k8s',
  prefix: 'K8S',
  title: { zh: '工作负载加固', en: 'Workload hardening' },
  authority: 'GB/T 22239-2019 8.1.4.2, 8.1.4.4, 8.1.4.6; CIS Kubernetes Benchmark §5',
  rules: [
  K8S_001, K8S_002, K8S_003, K8S_004, K8S_005, K8S_006, K8S_007, K8S_008, K8S_009,
  K8S_010, K8S_011, K8S_012, K8S_013, K8S_014, K8S_015, K8S_016, K8S_017, K8S_018,
  K8S_019, K8S_020, K8S_021, K8S_022, K8S_023, K8S_024, K8S_025, K8S_026, K8S_027, K8S_028, K8S_029, K8S_030, K8S_031,
],
});

export const K8S_RULES: Pack['rules'] = K8S_PACK.rules;
