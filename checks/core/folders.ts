/** Replacing a whole output folder: the one way every command that writes a folder does it. */
import * as fs from 'node:fs';

/**
 * Puts the finished folder `next` in place of `target` (absent, or a folder): the previous folder
 * is renamed aside, put back if the swap fails, and removed once `keep(old)` has taken what must
 * survive from it (Terraform's working files, say). A reader never sees a half-written folder.
 */
export function swapFolder(next: string, target: string, keep?: (old: string) => void): void {
  if (!fs.existsSync(target)) {
    fs.renameSync(next, target);
    return;
  }
  const old = `${target}.old-${process.pid}`;
  fs.rmSync(old, { recursive: true, force: true });
  fs.renameSync(target, old);
  try {
    fs.renameSync(next, target);
  } catch (e) {
    fs.renameSync(old, target); // put the previous folder back
    throw e;
  }
  keep?.(old);
  fs.rmSync(old, { recursive: true, force: true });
}
