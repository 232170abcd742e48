/**
 * Terraform string templates, read as data. In a Terraform string `${…}` is an interpolation and
 * `%{…}` a directive; `$${` and `%%{` are their escapes, standing for the literal `${` and `%{`.
 * Two uses, one definition:
 *  - the stacks escape every string they take from the environment model (`escapeTemplate`), so
 *    that Terraform deploys the literal text and evaluates nothing the model smuggled in;
 *  - the readers take a string apart (`readTemplate`): a literal (escapes undone) or a template.
 * One pass over the string, no regular expression: linear in its length.
 */

/** The literal text `s` as a Terraform string: `${` → `$${`, `%{` → `%%{`. */
export function escapeTemplate(s: string): string {
  if (!s.includes('{')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ((c === '$' || c === '%') && s[i + 1] === '{') out += c;
    out += c;
  }
  return out;
}

export type TemplateReading = { kind: 'literal'; value: string } | { kind: 'template' };

/** A Terraform string: a literal (with its escapes undone) or a template that would be evaluated. */
export function readTemplate(s: string): TemplateReading {
  if (!s.includes('{')) return { kind: 'literal', value: s };
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ((c === '$' || c === '%') && s[i + 1] === '{') return { kind: 'template' };
    if ((c === '$' || c === '%') && s[i + 1] === c && s[i + 2] === '{') {
      out += `${c}{`;
      i += 2;
      continue;
    }
    out += c;
  }
  return { kind: 'literal', value: out };
}

/**
 * `${a.b}`, `${a.b.c[0].d}`: one traversal of a named object and nothing else — the form cdktf
 * writes for a token (a reference to a resource, data source, variable or local). A function call,
 * an operation or a directive is not.
 */
export function isPlainReference(s: string): boolean {
  if (!s.startsWith('${') || !s.endsWith('}') || s.indexOf('${', 2) !== -1) return false;
  return /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*|\[[0-9]+\])+$/.test(s.slice(2, -1));
}
