/** JSON pointers (RFC 6901): build, split and walk up. */

export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function childPointer(parent: string, key: string | number): string {
  return `${parent}/${escapeToken(String(key))}`;
}

/** `/a/b/0` → ['a', 'b', '0']; '' → []. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: '${pointer}'`);
  return pointer.slice(1).split('/').map(unescapeToken);
}

/** The pointer of the enclosing node; '' stays ''. */
export function parentPointer(pointer: string): string {
  const i = pointer.lastIndexOf('/');
  return i <= 0 ? '' : pointer.slice(0, i);
}
