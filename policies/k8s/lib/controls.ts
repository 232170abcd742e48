/**
 * The 等保 controls of the K8S rules, per level (every K8S rule applies to levels 1–4). A group per
 * clause the pack cites (docs/k8s-pack.md), from the one catalogue (policies/sdk/mlps-controls.ts).
 * Where a level has no such control (level 1 has no least-privilege item; 业务处理能力, redundancy and
 * 数据保密性 start at level 3; 网络架构 at level 2), the level says `NO_COUNTERPART`.
 */
import { mlpsControls, NO_COUNTERPART, type MlpsControl } from '../../sdk';

type PerLevel = { readonly 1: readonly MlpsControl[]; readonly 2: readonly MlpsControl[]; readonly 3: readonly MlpsControl[]; readonly 4: readonly MlpsControl[] };

/** 入侵防范 Intrusion prevention (8.1.4.4): privileged, host namespaces, capabilities, host paths … */
export const INTRUSION_PREVENTION: PerLevel = {
  1: mlpsControls('6.1.4.3'),
  2: mlpsControls('7.1.4.4'),
  3: mlpsControls('8.1.4.4'),
  4: mlpsControls('9.1.4.4'),
};

/** 访问控制 d 最小权限 Least privilege (8.1.4.2 d): RBAC wildcards, service accounts, tokens. */
export const LEAST_PRIVILEGE: PerLevel = {
  1: NO_COUNTERPART,
  2: mlpsControls('7.1.4.2', 'd'),
  3: mlpsControls('8.1.4.2', 'd'),
  4: mlpsControls('9.1.4.2', 'd'),
};

/** 可信验证 Trusted verification (8.1.4.6): what image runs. */
export const TRUSTED_VERIFICATION: PerLevel = {
  1: mlpsControls('6.1.4.5'),
  2: mlpsControls('7.1.4.6'),
  3: mlpsControls('8.1.4.6'),
  4: mlpsControls('9.1.4.6'),
};

/** 数据保密性 b Confidentiality in storage (8.1.4.8 b): secrets as files, not environment variables. */
export const STORAGE_CONFIDENTIALITY: PerLevel = {
  1: NO_COUNTERPART,
  2: NO_COUNTERPART,
  3: mlpsControls('8.1.4.8', 'b'),
  4: mlpsControls('9.1.4.8', 'b'),
};

/** 网络架构 a 业务处理能力 Capacity for peak load (8.1.2.1 a): resource requests and limits. */
export const PROCESSING_CAPACITY: PerLevel = {
  1: NO_COUNTERPART,
  2: NO_COUNTERPART,
  3: mlpsControls('8.1.2.1', 'a'),
  4: mlpsControls('9.1.2.1', 'a'),
};

/** 网络架构 e 冗余 Redundancy for availability (8.1.2.1 e): probes. */
export const AVAILABILITY: PerLevel = {
  1: NO_COUNTERPART,
  2: NO_COUNTERPART,
  3: mlpsControls('8.1.2.1', 'e'),
  4: mlpsControls('9.1.2.1', 'e'),
};

/** 网络架构 划分网络区域 Network areas (8.1.2.1 c, level 2: 7.1.2.1 a): not the `default` namespace. */
export const NETWORK_AREAS: PerLevel = {
  1: NO_COUNTERPART,
  2: mlpsControls('7.1.2.1', 'a'),
  3: mlpsControls('8.1.2.1', 'c'),
  4: mlpsControls('9.1.2.1', 'c'),
};
