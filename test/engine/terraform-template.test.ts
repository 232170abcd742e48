/** Terraform string templates read as data, the escaping of model strings, and CFG-003's readers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { templatesOutsideResources } from '../../checks/engine/template-problems';
import { escapeTemplate, isPlainReference, readTemplate } from '../../checks/core/terraform-template';
import { terraformSafeModel } from '../../stacks/terraform-safe-model';
import { loadPatchedMiniEnv } from '../helpers/mini-env';

describe('readTemplate / escapeTemplate', () => {
  it('tells literals from templates, and undoes the escapes', () => {
    expect(readTemplate('plain')).toEqual({ kind: 'literal', value: 'plain' });
    expect(readTemplate('${file("x")}')).toEqual({ kind: 'template' });
    expect(readTemplate('a %{ if true }b%{ endif }')).toEqual({ kind: 'template' });
    expect(readTemplate('$${file("x")}')).toEqual({ kind: 'literal', value: '${file("x")}' });
    expect(readTemplate('%%{ if }')).toEqual({ kind: 'literal', value: '%{ if }' });
    // `$$${x}`: a `$`, then the escape `$${` (as Terraform's scanner reads it).
    expect(readTemplate('$$${x}')).toEqual({ kind: 'literal', value: '$${x}' });
    expect(readTemplate('{ $ % }')).toEqual({ kind: 'literal', value: '{ $ % }' });
  });

  it('an escaped string always reads back as the same literal', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('$', '%', '{', '}', 'a', ' ') }), (s) => {
      expect(readTemplate(escapeTemplate(s))).toEqual({ kind: 'literal', value: s });
    }));
  });

  it('a plain reference is one traversal, nothing else', () => {
    expect(isPlainReference('${kubernetes_namespace_v1.x_ABC.metadata[0].name}')).toBe(true);
    expect(isPlainReference('${var.p}')).toBe(true);
    expect(isPlainReference('${file("x")}')).toBe(false);
    expect(isPlainReference('${var.a}${var.b}')).toBe(false);
    expect(isPlainReference('x-${var.a}')).toBe(false);
    expect(isPlainReference('${var.a + 1}')).toBe(false);
  });
});

describe('the stacks take the model Terraform-safe', () => {
  it('every string of the documents is escaped; names and the locator stay', () => {
    const env = loadPatchedMiniEnv([{ op: 'replace', doc: 'topology', path: '/centers/0/kubeContext', value: '${file("~/.kube/config")}' }]);
    const safe = terraformSafeModel(env);
    expect(safe.topology.centers[0].kubeContext).toBe('$${file("~/.kube/config")}');
    expect(env.topology.centers[0].kubeContext).toBe('${file("~/.kube/config")}');
    expect(safe.topology.centers[1].kubeContext).toBe(env.topology.centers[1].kubeContext);
    expect(safe.fingerprint).toBe(env.fingerprint);
    expect(safe.locate('topology', '/centers/0')).toEqual(env.locate('topology', '/centers/0'));
    expect(terraformSafeModel(env)).toBe(safe); // once per environment
  });
});

describe('templatesOutsideResources (CFG-003 records)', () => {
  const doc = (provider: unknown) => ({ '//': { metadata: {} }, provider: { kubernetes: [provider] }, resource: { x: { y: { a: '${file("r")}' } } } });
  it('records a template in the provider block of a cdktf output, naming the field, never the text', () => {
    const problems = templatesOutsideResources(doc({ config_context: '${file("~/.kube/config")}' }), 'div-8', 'stacks/div-8/cdk.tf.json');
    expect(problems).toEqual([expect.objectContaining({ rule: 'CFG-003', stack: 'div-8', file: 'stacks/div-8/cdk.tf.json' })]);
    expect(problems[0].message.en).toContain('provider.kubernetes[0].config_context');
    expect(problems[0].message.en).not.toContain('file(');
  });
  it('passes escaped text and plain references; ignores hand-written (non-cdktf) JSON', () => {
    expect(templatesOutsideResources(doc({ config_context: '$${file("x")}', alias: '${var.a}' }), 's', 'f')).toEqual([]);
    expect(templatesOutsideResources({ provider: { kubernetes: [{ config_context: '${file("x")}' }] } }, 's', 'f')).toEqual([]);
  });
});
