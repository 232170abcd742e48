/** The pack's helpers: image references, runtime sockets, capability lists, tri-state reading. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasValidDigest, literalHead, parseImage, tailImage } from '../../../policies/k8s/lib/image';
import { exposedRuntimeSocket } from '../../../policies/k8s/lib/runtime-sockets';
import { normalizeHostPath } from '../../../policies/sdk';
import { isDangerousAdd, normalizeCapability } from '../../../policies/k8s/lib/capabilities';
import { readBool, readList, readNum } from '../../../policies/sdk/readings';
import { quantity } from '../../../policies/k8s/lib/resources';
import { normalizeValue } from '../../../checks/engine/normalize/resource';
import type { Obj } from '../../../checks/engine/values';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('parseImage', () => {
  it.each([
    ['nginx', { registry: 'docker.io', repository: 'nginx' }],
    ['nginx:1.25', { registry: 'docker.io', repository: 'nginx', tag: '1.25' }],
    ['library/nginx:latest', { registry: 'docker.io', repository: 'library/nginx', tag: 'latest' }],
    ['Registry.XJBT.gov.cn/hrss/web:1.0', { registry: 'registry.xjbt.gov.cn', repository: 'hrss/web', tag: '1.0' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['reg:5000/app', { registry: 'reg:5000', repository: 'app' }],
    [`reg.io:5000/a/b:2@${DIGEST}`, { registry: 'reg.io:5000', repository: 'a/b', tag: '2', digest: DIGEST }],
  ])('%s', (image, expected) => {
    expect(parseImage(image)).toEqual(expected);
  });

  it('round-trips any registry/repository/tag it is given', () => {
    const seg = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    fc.assert(
      fc.property(seg, fc.array(seg, { minLength: 1, maxLength: 3 }), fc.option(seg, { nil: undefined }), (host, path, tag) => {
        const registry = `${host}.example.cn`;
        const image = `${registry}/${path.join('/')}${tag === undefined ? '' : `:${tag}`}`;
        const ref = parseImage(image);
        expect(ref.registry).toBe(registry);
        expect(ref.repository).toBe(path.join('/'));
        expect(ref.tag).toBe(tag);
      }),
    );
  });

  it('accepts only well-formed digests', () => {
    expect(hasValidDigest(parseImage(`a.io/x@${DIGEST}`))).toBe(true);
    expect(hasValidDigest(parseImage('a.io/x@sha256:nothex'))).toBe(false);
    expect(hasValidDigest(parseImage('a.io/x:1.0'))).toBe(false);
  });

  it('reads the literal parts around an unresolved expression', () => {
    expect(literalHead('registry.xjbt.gov.cn/${var.app}:1.0')).toBe('registry.xjbt.gov.cn/');
    expect(tailImage('${var.registry}/web:1.2')).toMatchObject({ repository: 'web', tag: '1.2' });
    expect(tailImage('${var.registry}/web')?.tag).toBeUndefined();
    expect(tailImage(`\${var.image}@${DIGEST}`)?.digest).toBe(DIGEST);
    expect(tailImage('${var.image}')).toBeUndefined();
    expect(tailImage('web:${var.tag}')).toBeUndefined();
  });
});

describe('runtime sockets', () => {
  it.each([
    ['/var/run/docker.sock', '/var/run/docker.sock'],
    ['/var/run', '/var/run/docker.sock'],
    ['/var//run/./', '/var/run/docker.sock'],
    ['/run', '/run/docker.sock'],
    ['/', '/var/run/docker.sock'],
    ['/run/containerd', '/run/containerd/containerd.sock'],
    ['/opt/runtime/containerd.sock', '/opt/runtime/containerd.sock'],
    ['/var/lib/../run/crio/crio.sock', '/var/run/crio/crio.sock'],
  ])('%s exposes a runtime socket', (path, socket) => {
    expect(exposedRuntimeSocket(path)).toBe(socket);
  });

  it.each(['/var/log', '/var/lib/kubelet', '/etc/ssl/certs', '/var/runner', '/run-data'])('%s does not', (path) => {
    expect(exposedRuntimeSocket(path)).toBeUndefined();
  });

  it('normalizes host paths', () => {
    expect(normalizeHostPath('//a/./b/../c/')).toBe('/a/c');
    expect(normalizeHostPath('/')).toBe('/');
  });
});

describe('capabilities', () => {
  it('normalizes case and the CAP_ prefix', () => {
    expect(normalizeCapability(' cap_net_raw ')).toBe('NET_RAW');
  });
  it('treats anything outside the Baseline list as dangerous', () => {
    for (const c of ['SYS_ADMIN', 'net_admin', 'ALL', 'CAP_SYS_PTRACE', 'NET_RAW', 'BPF']) expect(isDangerousAdd(c), c).toBe(true);
    for (const c of ['NET_BIND_SERVICE', 'chown', 'CAP_KILL']) expect(isDangerousAdd(c), c).toBe(false);
  });
});

describe('reading', () => {
  const obj = normalizeValue({ a: true, b: 'false', c: '${var.x}', n: '1000', l: ['x', '${var.y}'] }) as Obj;
  it('tells missing, literal and unresolved apart', () => {
    expect(readBool(obj, 'a')).toEqual({ kind: 'literal', value: true });
    expect(readBool(obj, 'b')).toEqual({ kind: 'literal', value: false });
    expect(readBool(obj, 'c')).toEqual({ kind: 'unresolved', expr: '${var.x}' });
    expect(readBool(obj, 'zz')).toEqual({ kind: 'missing' });
    expect(readNum(obj, 'n')).toEqual({ kind: 'literal', value: 1000 });
    expect(readList(obj, 'l')).toEqual({ present: true, literals: ['x'], unresolved: ['${var.y}'] });
  });

  it('reads limits as a map, a block, or a list of one block', () => {
    for (const limits of [{ cpu: '1' }, [{ cpu: '1' }]]) {
      const c = normalizeValue({ resources: [{ limits }] }) as Obj;
      expect(quantity(c, 'limits', 'cpu')).toEqual({ kind: 'literal', value: '1' });
      expect(quantity(c, 'limits', 'memory')).toEqual({ kind: 'missing' });
    }
    const unresolved = normalizeValue({ resources: { limits: '${var.limits}' } }) as Obj;
    expect(quantity(unresolved, 'limits', 'cpu').kind).toBe('unresolved');
  });
});
