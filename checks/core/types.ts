/**
 * The typed environment model of 兵团云 (the corps cloud).
 *
 * One environment = one folder under `environments/<name>/` with five YAML documents:
 * topology.yaml, networks.yaml, inventory.yaml, migration.yaml, policy.yaml.
 * Each document has a JSON Schema in `environments/schemas/`. The loader (`loadEnvironment`)
 * validates, cross-checks and deep-freezes them into these types.
 *
 * Completeness of a filing (备案) is NOT a schema matter: the schema checks shape and types,
 * the INV/NET/... rules report what is missing, so that a half-filed 2017 baseline still loads.
 */

/** ISO date `YYYY-MM-DD`. */
export type IsoDate = string;

export type MlpsLevel = 1 | 2 | 3 | 4;

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Zones of the e-government networks; the values are the `xjbt.gov.cn/zone` label values. */
export type ZoneId =
  | 'extranet-public' // 政务外网 公用网络区
  | 'extranet-dedicated' // 政务外网 专用网络区
  | 'extranet-internet-access' // 政务外网 互联网接入区
  | 'intranet' // 政务内网 (classified work; never in a 兵团云 cluster)
  | 'platform'; // shared platforms 大协同/大数据/大服务 and the gateway

export const ZONE_IDS: readonly ZoneId[] = [
  'extranet-public',
  'extranet-dedicated',
  'extranet-internet-access',
  'intranet',
  'platform',
];

/* ------------------------------------------------------------------ topology.yaml */

export type CenterRole = 'corps-primary' | 'corps-dr' | 'division';

export interface Capacity {
  /** CPU cores. */
  cpu: number;
  /** Memory in GiB. */
  memoryGiB: number;
  /** Storage in GiB. */
  storageGiB: number;
}

export type StateBackend =
  | { type: 'local'; path?: string }
  | { type: 'pg'; connStrEnv: string; schemaName?: string }
  | { type: 's3'; bucket: string; key?: string; region: string; endpoint?: string; dynamodbTable?: string };

export interface Center {
  /** Kubernetes-name id, e.g. `corps-primary`, `div-8`. Also the stack id and `xjbt.gov.cn/center`. */
  id: string;
  /** e.g. 兵团级主数据中心 */
  name: string;
  role: CenterRole;
  /** For division centers: the division id it serves (see Topology.divisions). */
  division?: string;
  city: string;
  /** ISO 3166-1 alpha-2, `CN` for every center of 兵团云. */
  country: string;
  /** Availability target in percent, e.g. 99.99 (电信级 carrier grade). */
  availability: number;
  /** The highest MLPS level of system this center may host. */
  mlpsLevel: MlpsLevel;
  capacity: Capacity;
  /** kubeconfig context of this center's cluster. */
  kubeContext: string;
  /** kubeconfig file; default `~/.kube/config`. */
  kubeconfig?: string;
  /** Division centers: the corps DR center they recover into (依托兵团实现容灾). */
  drTarget?: string;
  stateBackend: StateBackend;
  /** The three separated administrator groups (三权分立). */
  adminGroups: { system: string; audit: string; security: string };
  /** When the center went (or goes) into service. */
  inServiceFrom?: IsoDate;
}

export interface Division {
  /** e.g. `div-1` */
  id: string;
  /** e.g. 第一师 */
  name: string;
  /** e.g. 阿拉尔市 (absent for divisions without a city, e.g. 第十二师) */
  city?: string;
}

export type PlatformKind = 'collaboration' | 'data' | 'service' | 'gateway';

export interface Platform {
  /** e.g. `dxt` (大协同), `dsj` (大数据), `dfw` (大服务), `gateway` */
  id: string;
  name: string;
  kind: PlatformKind;
}

/** Where audit logs and backups are kept. */
export interface StoreLocation {
  /** The center holding the store (must exist). */
  center: string;
  country: string;
  city?: string;
}

export interface AuditLogStore extends StoreLocation {
  /** Retention in days; 网络安全法 (2025 修正) 第二十三条第（三）项 asks for six calendar months: 184 days covers every six. */
  retentionDays: number;
  /** WORM / object lock: records cannot be altered. */
  immutable: boolean;
  /** Endpoint the log shippers send to, e.g. `https://audit.xjbt.gov.cn/ingest`. */
  endpoint: string;
}

export interface BackupPolicy {
  /** Cron schedule for local backups. */
  schedule: string;
  retentionDays: number;
}

export interface Topology {
  /** Display name, e.g. 兵团云 生产环境 */
  name: string;
  description?: string;
  /** The city of the corps headquarters (乌鲁木齐市). */
  headquartersCity: string;
  divisions: Division[];
  centers: Center[];
  platforms: Platform[];
  auditLogStore: AuditLogStore;
  backup: BackupPolicy;
  /** Container registry of the corps, e.g. `registry.xjbt.gov.cn`. */
  registry: string;
}

/* ------------------------------------------------------------------ networks.yaml */

export interface Zone {
  id: ZoneId;
  /** e.g. 公用网络区 */
  name: string;
  network: 'intranet' | 'extranet';
}

export interface ZoneFlow {
  from: ZoneId;
  to: ZoneId;
  /** TCP ports admitted; empty/absent = any port. */
  ports?: number[];
  description?: string;
}

export interface NetworkLink {
  id: string;
  /** `intranet`, `extranet`, `internet`, or `private:<privateNetworkId>` */
  from: string;
  to: string;
  kind: 'physical' | 'logical' | 'gateway' | 'gap';
  description?: string;
}

export type ExemptionAuthority = 'central-ministry' | 'leading-group';

/** Every field is optional in the schema: NET-001 reports an incomplete exemption as a finding. */
export interface PrivateNetworkExemption {
  approvedBy?: ExemptionAuthority;
  /** The approving body, e.g. 公安部 or 兵团电子政务工作领导小组 */
  authority?: string;
  /** Approval document reference, e.g. 公信通〔2017〕15号 */
  reference?: string;
  date?: IsoDate;
  expires?: IsoDate;
}

export interface PrivateNetwork {
  id: string;
  /** e.g. 公安专网 */
  name: string;
  department: string;
  status: 'active' | 'merged' | 'exempt';
  mergedInto?: 'intranet' | 'extranet';
  mergedOn?: IsoDate;
  exemption?: PrivateNetworkExemption;
}

export interface Networks {
  zones: Zone[];
  flows: ZoneFlow[];
  links: NetworkLink[];
  privateNetworks: PrivateNetwork[];
}

/* ------------------------------------------------------------------ inventory.yaml */

export interface Department {
  /** Kubernetes-name id, e.g. `hrss`; the `xjbt.gov.cn/department` label. */
  id: string;
  /** e.g. 人社局 */
  name: string;
  /** The department's operator group (RBAC subject for its systems). */
  group: string;
}

export type SystemClass = 'retire' | 'replace' | 'keep';
export type SharingType = 'unconditional' | 'conditional' | 'none'; // 无条件共享/有条件共享/不予共享
export type UsageFrequency = 'continuous' | 'daily' | 'weekly' | 'monthly' | 'yearly' | 'rarely' | 'never';

export interface DataResource {
  id: string;
  name: string;
  sharing: SharingType;
  /** Declared purpose of sharing (required for conditional sharing of personal data). */
  purpose?: string;
  personal?: boolean;
  /** Entry in the 政务信息资源目录 (resource catalogue). */
  catalogueId?: string;
}

export type LocationKind =
  | 'cloud' // on 兵团云, in `center`
  | 'department-room' // a department's own machine room (部门机房)
  | 'division-room' // a division's scattered machine room (师级分散机房)
  | 'regiment-room' // a regiment's machine room (团场机房)
  | 'intranet' // on 政务内网 (classified)
  | 'external'; // hosted by a vendor / central ministry

export interface SystemLocation {
  kind: LocationKind;
  /** For kind `cloud`: the center id. */
  center?: string;
  /** Human-readable site, e.g. 人社局三楼机房 */
  site?: string;
  /** Division the site belongs to (division-room / regiment-room). */
  division?: string;
}

export interface Workload {
  kind: 'Deployment' | 'StatefulSet';
  /** Full image reference; must be from the approved registry, tag pinned, digest at level 4. */
  image: string;
  replicas: number;
  ports: number[];
  /** Persistent data size in GiB (0/absent = stateless). */
  storageGiB?: number;
  /** Kubernetes quantities per replica. */
  resources: {
    requests: { cpu: string; memory: string };
    limits: { cpu: string; memory: string };
  };
  /** Health endpoint path, default `/healthz`. */
  healthPath?: string;
  /** Publishes to the Internet through the internet-access zone (TLS Ingress host). */
  publicHost?: string;
}

export interface PlatformConnection {
  platform: string;
  /** Date the connection went live; absent = not yet connected. */
  connectedOn?: IsoDate;
}

export interface MlpsFiling {
  level: MlpsLevel;
  /** 等级保护备案号, e.g. 65990013001-18001 */
  filingNumber?: string;
  /** Last 等保测评 (assessment) date. */
  lastAssessment?: IsoDate;
}

export interface InfoSystem {
  /** Kubernetes-name id, e.g. `hrss-social-insurance`; the `xjbt.gov.cn/system` label. */
  id: string;
  /* -- filing (备案) fields; optional in the schema, INV-001 reports what is missing -- */
  name?: string;
  function?: string;
  /** Usage scope (使用范围). */
  scope?: {
    level: 'corps' | 'division' | 'regiment';
    /** Division ids covered, for division/regiment scope. */
    divisions?: string[];
    /** A department's vertical business system (纵向业务系统): deployed once at corps level. */
    vertical?: boolean;
    description?: string;
  };
  usageFrequency?: UsageFrequency;
  approval?: { department?: string; date?: IsoDate; reference?: string };
  funding?: {
    source?: string; // 经费来源
    channel?: string; // 经费渠道
    /** 投资额度, 万元 */
    investment?: number;
    /** 运维费用, 万元 per year */
    omCost?: number;
    /** O&M funding status following the class. */
    omStatus?: 'active' | 'reapproved' | 'cancelled' | 'cancel-after-replacement';
    /** Reference of the re-approval / cancellation decision. */
    omReference?: string;
  };
  builder?: string; // 建设单位
  dataResources?: DataResource[];
  /* -- classification -- */
  department: string;
  class?: SystemClass;
  /** For class replace: the unified platform and the deadline. */
  replacement?: { platform?: string; deadline?: IsoDate };
  mlps?: MlpsFiling;
  /** 涉密 system: lives on 政务内网 only, under 分级保护. */
  classified?: boolean;
  /** 分级保护备案 reference for classified systems. */
  classifiedFiling?: string;
  /** Holds personal information (个人信息). */
  personalInfo?: boolean;
  zone?: ZoneId;
  location: SystemLocation;
  dependencies?: string[];
  platforms?: PlatformConnection[];
  workload?: Workload;
}

export interface Inventory {
  departments: Department[];
  systems: InfoSystem[];
}

/* ------------------------------------------------------------------ migration.yaml */

export type WaveKind = 'center-move' | 'division-consolidation' | 'platform-connection';

export interface Move {
  system: string;
  from: SystemLocation;
  /** Target center id. */
  to: string;
  done?: boolean;
  doneOn?: IsoDate;
}

export interface Wave {
  id: string;
  name: string;
  kind: WaveKind;
  start?: IsoDate;
  deadline: IsoDate;
  moves: Move[];
}

export interface MigrationPlan {
  waves: Wave[];
}

/* ------------------------------------------------------------------ policy.yaml */

/**
 * A rule pack's id (`k8s`). The packs themselves — ids, prefixes, titles — are defined once, by
 * `definePack` in policies/ (policies/index.ts lists them); the model only carries the ids.
 */
export type PackId = string;

export interface SuppressionTarget {
  system?: string;
  stack?: string;
  /** Terraform address `TYPE.NAME`, optionally prefixed `stack/`. */
  resource?: string;
}

export interface Suppression {
  rule?: string;
  target?: SuppressionTarget;
  reason?: string;
  approvedBy?: string;
  expires?: IsoDate;
}

/**
 * An approved, dated weakening of the policy (policy.yaml `policyExceptions`). Without one, a
 * weakening setting takes no effect (the floor applies) and EXC-003 reports it.
 */
export interface PolicyException {
  /**
   * The setting approved, as a JSON pointer into policy.yaml: `/severityOverrides/K8S-001`,
   * `/packs/k8s` (the pack left out of `packs`), `/failOn`, `/auditLogRetentionDays`,
   * `/carrierGradeAvailability`, `/exceptionHorizonDays`.
   */
  setting: string;
  /** The value approved (what the setting says); not given for `/packs/<pack>`. */
  value?: string | number;
  reason?: string;
  approvedBy?: string;
  expires?: IsoDate;
}

export interface PlanDeadlines {
  /** 部门专网 merged into 内网/外网. Plan: 2017-12-31. */
  privateNetworkMerge: IsoDate;
  /** 兵团云 and 两地三中心 running. Plan: 2017-12-31. */
  cloudRunning: IsoDate;
  /** All non-classified center moves done. Plan: 2018-06-30. */
  centerMoves: IsoDate;
  /** Division consolidation done. Plan: 2018-06-30. */
  divisionConsolidation: IsoDate;
  /** Every kept system connected to 大协同/大数据. Plan: 2018-06-30. */
  platformConnection: IsoDate;
}

export interface Policy {
  /** Enabled packs; not given in policy.yaml = every pack of the catalogue. */
  packs?: PackId[];
  severityOverrides: Record<string, Severity>;
  failOn: Severity;
  defaultMlpsLevel: MlpsLevel;
  deadlines: PlanDeadlines;
  /** Fraction of capacity kept free, 0..1 (e.g. 0.2). */
  headroom: number;
  /**
   * Days after its approval within which a system approved after the plan's deadline is on 兵团云
   * and connected to 大协同/大数据 (plan §二(九); MIG-002, MIG-008, NET-006). Absent = the default
   * (`graceDaysOf` in defaults.ts, 180).
   */
  newSystemGraceDays?: number;
  /** Minimum availability for carrier grade, percent. */
  carrierGradeAvailability: number;
  /** Minimum audit-log retention, days. */
  auditLogRetentionDays: number;
  /** Approved registries (host[/path] prefixes). */
  approvedRegistries: string[];
  suppressions: Suppression[];
  /** An exception (suppression or policy exception) may expire at most this many days after the check date. */
  exceptionHorizonDays: number;
  /** Approvals of settings that weaken the gate (EXC-003). */
  policyExceptions: PolicyException[];
}

/* ------------------------------------------------------------------ the whole environment */

export type DocumentName = 'topology' | 'networks' | 'inventory' | 'migration' | 'policy';
export const DOCUMENT_NAMES: readonly DocumentName[] = ['topology', 'networks', 'inventory', 'migration', 'policy'];

/** Source position of a node, 1-based. */
export interface SourcePosition {
  line: number;
  column: number;
}

export interface Environment {
  /** Folder name, e.g. `production`. */
  name: string;
  /** Absolute folder path. */
  dir: string;
  topology: Topology;
  networks: Networks;
  inventory: Inventory;
  migration: MigrationPlan;
  policy: Policy;
  /** File (relative to cwd, POSIX separators) of each document. */
  files: Record<DocumentName, string>;
  /** Position of a JSON pointer in a document, when known. */
  locate(doc: DocumentName, pointer: string): SourcePosition | undefined;
  /**
   * `sha256:<hex>` of the tool version and the five documents' texts: what a synthesized output
   * folder records, so that stale or foreign output can be told (CFG-004).
   */
  fingerprint: string;
}
