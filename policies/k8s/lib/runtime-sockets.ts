/**
 * Container-runtime sockets (K8S-021). Mounting one, or any directory above one (`/var/run`,
 * `/run`, `/`), hands the container control of the node's runtime.
 */
import { normalizeHostPath } from '../../sdk';

export const RUNTIME_SOCKETS: readonly string[] = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
  '/var/run/cri-dockerd.sock',
  '/run/cri-dockerd.sock',
  '/var/run/dockershim.sock',
  '/run/k3s/containerd/containerd.sock',
  '/var/snap/microk8s/common/run/containerd.sock',
  '/run/podman/podman.sock',
  '/var/run/podman/podman.sock',
];

/** Socket file names recognized wherever they live (custom runtime roots). */
export const RUNTIME_SOCKET_NAMES: ReadonlySet<string> = new Set([
  'docker.sock',
  'containerd.sock',
  'crio.sock',
  'cri-dockerd.sock',
  'dockershim.sock',
  'podman.sock',
]);

/** The runtime socket a host path exposes (itself, or the first socket below it), if any. */
export function exposedRuntimeSocket(path: string): string | undefined {
  const p = normalizeHostPath(path);
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (RUNTIME_SOCKET_NAMES.has(base)) return p;
  const prefix = p === '/' ? '/' : `${p}/`;
  return RUNTIME_SOCKETS.find((s) => s.startsWith(prefix));
}
