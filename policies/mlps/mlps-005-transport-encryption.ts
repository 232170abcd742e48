/**
 * MLPS-005 — 8.1.2.2 a,b 通信传输: protect integrity and confidentiality of data in transit
 * (cryptography). Evidence: every Ingress has TLS; no LoadBalancer/NodePort Service exposes a port
 * other than 443/8443 (plaintext beyond the namespace).
 */
import type { RawFinding, Resource } from '../../checks/engine/types';
import { blocks, dig, num, str } from '../../checks/engine/values';
import { defineRule, fromLevel } from '../sdk/define';
import { applies } from './lib/levels';
import { message, where } from './lib/text';

const CLAUSE = 'GB/T 22239-2019 8.1.2.2 a,b';
const LEVELS = fromLevel(3);
const TLS_PORTS = new Set([443, 8443]);
const EXPOSED_TYPES = new Set(['LoadBalancer', 'NodePort']);

function ingressWithoutTls(r: Resource): RawFinding | undefined {
  if (blocks(dig(r.attrs, 'spec'), 'tls').length > 0) return undefined;
  return {
    resource: r,
    message: message(CLAUSE, {
      zh: `Ingress ${where(r)} 未配置 TLS，流量以明文传输`,
      en: `Ingress ${where(r)} has no tls block, so traffic travels in plaintext`,
      fixZh: '请添加 spec.tls，引用证书 Secret 并列出主机名。',
      fixEn: 'Add spec.tls naming the certificate secret and the hosts.',
    }),
  };
}

function plaintextService(r: Resource): RawFinding | undefined {
  const spec = dig(r.attrs, 'spec');
  const type = str(spec, 'type');
  if (type === undefined || !EXPOSED_TYPES.has(type)) return undefined;
  const plain = blocks(spec, 'port')
    .map((p) => num(p, 'port'))
    .filter((p): p is number => p !== undefined && !TLS_PORTS.has(p))
    .sort((a, b) => a - b);
  if (plain.length === 0) return undefined;
  return {
    resource: r,
    message: message(CLAUSE, {
      zh: `${type} 类型服务 ${where(r)} 在命名空间外暴露非 TLS 端口 ${plain.join(', ')}`,
      en: `${type} Service ${where(r)} exposes non-TLS port(s) ${plain.join(', ')} beyond the namespace`,
      fixZh: '请只暴露 443/8443（TLS），或改为 ClusterIP 并经 TLS Ingress 发布。',
      fixEn: 'Expose only 443/8443 (TLS), or make it ClusterIP and publish it through a TLS Ingress.',
    }),
  };
}

export const MLPS_005 = defineRule({
  id: 'MLPS-005',
  pack: 'mlps',
  severity: 'high',
  title: { zh: '对外访问须使用 TLS 加密传输', en: 'Ingress uses TLS; no plaintext service is exposed beyond the namespace' },
  clause: CLAUSE,
  levels: LEVELS,
  remediation: {
    zh: 'Ingress 配置 spec.tls；LoadBalancer/NodePort 服务只暴露 TLS 端口（443/8443）。',
    en: 'Give every Ingress spec.tls; LoadBalancer/NodePort Services expose only TLS ports (443/8443).',
  },
  inputs: ['configuration'],
  check(ctx) {
    if (!ctx.hasConfiguration) return [];
    const judged = (r: Resource) => applies(LEVELS, ctx.levelOf(r));
    return [
      ...ctx.resources.byKind('ingress').filter(judged).map(ingressWithoutTls),
      ...ctx.resources.byKind('service').filter(judged).map(plaintextService),
    ].filter((f): f is RawFinding => f !== undefined);
  },
});
