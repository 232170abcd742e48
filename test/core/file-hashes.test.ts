/**
 * Hashes remembered from the read (checks/core/file-hashes.ts) stand in for reading the file again
 * only while it is provably unchanged; any write, even one keeping the size and the modification
 * time, makes the file be read and hashed again.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSha256, rememberFileHash, sha256Of } from '../../checks/core/file-hashes';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-hashes-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('fileSha256', () => {
  it('uses the remembered hash while the file is unchanged, and reads it again once written', () => {
    const file = path.join(dir, 'cdk.tf.json');
    fs.writeFileSync(file, '{"a": 1}');
    const st = fs.statSync(file);
    // A marker, not the real hash: seen back only if the remembered entry is used.
    rememberFileHash(file, st, 'sha256:remembered');
    expect(fileSha256(file)).toBe('sha256:remembered');
    // Same size, modification time set back: the change time still tells.
    fs.writeFileSync(file, '{"a": 2}');
    fs.utimesSync(file, st.atime, st.mtime);
    expect(fs.statSync(file).size).toBe(st.size);
    expect(fileSha256(file)).toBe(sha256Of('{"a": 2}'));
  });

  it('reads a file it never saw', () => {
    const file = path.join(dir, 'other.tf.json');
    fs.writeFileSync(file, '{}');
    expect(fileSha256(file)).toBe(sha256Of('{}'));
  });
});
