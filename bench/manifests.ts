/**
 * Kubernetes manifests for the `check --manifests` rows of `npm run bench`: for every system of a
 * generated environment with a workload, one YAML file with its Namespace, default-deny
 * NetworkPolicy, workload (Deployment or StatefulSet, hardened as the stacks build it) and Service —
 * what a team would `kubectl apply`. The same files are given to btyun and to Monokle.
 * Usage: node dist/bench/manifests.js ENV_DIR OUT_DIR (prints the number of documents).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadEnvironment } from '../checks/core/load';
import type { InfoSystem, Workload } from '../checks/core/types';

function workloadDoc(system: InfoSystem, w: Workload): string {
  const labels = `        app.kubernetes.io/name: ${system.id}\n        xjbt.gov.cn/system: ${system.id}`;
  return `apiVersion: apps/v1
kind: ${w.kind}
metadata:
  name: ${system.id}
  namespace: ${system.id}
  labels:
    app.kubernetes.io/name: ${system.id}
spec:
  replicas: ${w.replicas}
${w.kind === 'StatefulSet' ? `  serviceName: ${system.id}\n` : ''}  selector:
    matchLabels:
      app.kubernetes.io/name: ${system.id}
  template:
    metadata:
      labels:
${labels}
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: app
          image: ${w.image}
          imagePullPolicy: Always
          ports:
${w.ports.map((p) => `            - containerPort: ${p}`).join('\n')}
          resources:
            requests:
              cpu: ${JSON.stringify(w.resources.requests.cpu)}
              memory: ${JSON.stringify(w.resources.requests.memory)}
            limits:
              cpu: ${JSON.stringify(w.resources.limits.cpu)}
              memory: ${JSON.stringify(w.resources.limits.memory)}
          readinessProbe:
            httpGet:
              path: ${w.healthPath ?? '/healthz'}
              port: ${w.ports[0]}
          livenessProbe:
            httpGet:
              path: ${w.healthPath ?? '/healthz'}
              port: ${w.ports[0]}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            privileged: false
            capabilities:
              drop: [ALL]
`;
}

function systemFile(system: InfoSystem, w: Workload): string {
  return [
    `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${system.id}\n  labels:\n    xjbt.gov.cn/system: ${system.id}\n`,
    `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: ${system.id}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n`,
    workloadDoc(system, w),
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${system.id}\n  namespace: ${system.id}\nspec:\n  selector:\n    app.kubernetes.io/name: ${system.id}\n  ports:\n${w.ports.map((p) => `    - port: ${p}\n      targetPort: ${p}`).join('\n')}\n`,
  ].join('---\n');
}

/** Writes the manifests of `envDir` into `outDir`; returns the number of documents. */
export function writeManifests(envDir: string, outDir: string): number {
  const env = loadEnvironment(envDir);
  fs.mkdirSync(outDir, { recursive: true });
  let documents = 0;
  for (const system of env.inventory.systems) {
    if (!system.workload) continue;
    fs.writeFileSync(path.join(outDir, `${system.id}.yaml`), systemFile(system, system.workload));
    documents += 4;
  }
  return documents;
}

if (require.main === module) process.stdout.write(`${writeManifests(process.argv[2], process.argv[3])}\n`);
