/** The tool version and root folder, from the package.json above this file (source or dist/). */
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pj = path.join(dir, 'package.json');
    if (fs.existsSync(pj) && JSON.parse(fs.readFileSync(pj, 'utf8')).name === 'btyun') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('btyun package.json not found');
    dir = up;
  }
}

/** The repository / package root. */
export const PACKAGE_ROOT: string = findRoot();
export const VERSION: string = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;
