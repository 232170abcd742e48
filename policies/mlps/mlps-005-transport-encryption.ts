/**
 * MLPS-005 — 8.1.2.2 a,b 通信传输: protect integrity and confidentiality of data in transit
 * (cryptography). Evidence: every Ingress has TLS; no LoadBalancer/NodePort Service exposes a port
 * other than 443/8443 (plaintext beyond the namespace).
 * Judged: every Ingress and Service at levels 3+.
 */
import { blocks, defineResourceRule, dig, fromLevel, mlpsControls, num, str, type RawFinding, type Resource } from '../sdk';
import { where } from './lib/text';

const TLS_PORTS = new Set([443, 8443]);
const EXPOSED_TYPES = new Set(['LoadBalancer', 'NodePort']);

function ingressWithoutTls(r: Resource): RawFinding[] {
  if (blocks(dig(r.attrs, 'spec'), 'tls').length > 0) return [];
  return [{
    resource: r,
    message: {
      zh: `Ingress ${where(r)} 未配置 TLS，流量以明文传输`,
      en: `Ingress ${where(r)} has no tls block, so traffic travels in plaintext`,
    },
  }];
}

function plaintextService(r: Resource): RawFinding[] {
  const spec = dig(r.attrs, 'spec');
  const type = str(spec, 'type');
  if (type === undefined || !EXPOSED_TYPES.has(type)) return [];
  const plain = blocks(spec, 'port')
    .map((p) => num(p, 'port'))
    .filter((p): p is number => p !== undefined && !TLS_PORTS.has(p))
    .sort((a, b) => a - b);
  if (plain.length === 0) return [];
  return [{
    resource: r,
    message: {
      zh: `${type} 类型服务 ${where(r)} 在命名空间外暴露非 TLS 端口 ${plain.join(', ')}`,
      en: `${type} Service ${where(r)} exposes non-TLS port(s) ${plain.join(', ')} beyond the namespace`,
    },
  }];
}

export const MLPS_005 = defineResourceRule({
  id: 'MLPS-005',
  pack: 'mlps',
  severity: 'high',
  title: { zh: '对外访问须使用 TLS 加密传输', en: 'Ingress uses TLS; no plaintext service is exposed beyond the namespace' },
  clause: 'GB/T 22239-2019 8.1.2.2 a,b',
  levels: fromLevel(3),
  controls: { 3: mlpsControls('8.1.2.2', 'a', 'b'), 4: mlpsControls('9.1.2.2', 'a', 'b') },
  remediation: {
    zh: 'Ingress 配置 spec.tls；LoadBalancer/NodePort 服务只暴露 TLS 端口（443/8443）。',
    en: 'Give every Ingress spec.tls; LoadBalancer/NodePort Services expose only TLS ports (443/8443).',
  },
  inputs: ['configuration'],
  kinds: ['ingress', 'service'],
  judge: (r) => (r.kind === 'ingress' ? ingressWithoutTls(r) : plaintextService(r)),
});
