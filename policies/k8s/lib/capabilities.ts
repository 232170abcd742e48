/**
 * Linux capability names. Written with or without `CAP_`, in any case; compared as `NET_RAW`.
 */

export function normalizeCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

/** K8S-007: dropping one of these is enough (ALL, or at least NET_RAW as CIS 5.2.8 asks). */
export const REQUIRED_DROPS: readonly string[] = ['ALL', 'NET_RAW'];

/**
 * K8S-008: the capabilities a container may add. This is the Pod Security Standards "Baseline"
 * allow-list (the container runtime's default set); adding anything else — SYS_ADMIN, NET_ADMIN,
 * SYS_PTRACE, SYS_MODULE, DAC_READ_SEARCH, NET_RAW, BPF, ALL … — is dangerous.
 * NET_RAW is in the runtime default set but not here: CIS 5.2.8 asks to drop it.
 */
export const ALLOWED_ADDS: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

export function isDangerousAdd(name: string): boolean {
  return !ALLOWED_ADDS.has(normalizeCapability(name));
}
