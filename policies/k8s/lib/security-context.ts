/**
 * Effective security settings of a container. A container's security_context overrides the pod's
 * for run_as_non_root, run_as_user and seccomp_profile (Kubernetes semantics); privileged,
 * allow_privilege_escalation, read_only_root_filesystem and capabilities exist only per container.
 */
import { dig, firstPresent, readBool, readNum, readStr, type Obj, type Reading } from '../../sdk';

export function containerSecurityContext(container: Obj): Obj | undefined {
  return dig(container, 'security_context');
}

export function podSecurityContext(spec: Obj): Obj | undefined {
  return dig(spec, 'security_context');
}

export function effectiveRunAsNonRoot(spec: Obj, container: Obj): Reading<boolean> {
  return firstPresent(readBool(containerSecurityContext(container), 'run_as_non_root'), readBool(podSecurityContext(spec), 'run_as_non_root'));
}

export function effectiveRunAsUser(spec: Obj, container: Obj): Reading<number> {
  return firstPresent(readNum(containerSecurityContext(container), 'run_as_user'), readNum(podSecurityContext(spec), 'run_as_user'));
}

/** seccomp_profile.type of the container, else of the pod. */
export function effectiveSeccompType(spec: Obj, container: Obj): Reading<string> {
  return firstPresent(
    readStr(dig(containerSecurityContext(container), 'seccomp_profile'), 'type'),
    readStr(dig(podSecurityContext(spec), 'seccomp_profile'), 'type'),
  );
}
