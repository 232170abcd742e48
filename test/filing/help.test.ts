/** The three commands of issue #16 are registered: -h, --help and `btyun help COMMAND` print their usage; the listing names them. */
import { describe, expect, it } from 'vitest';
import { run } from './run';

describe('lists, scorecard, import', () => {
  it('print their usage on -h, --help and `btyun help COMMAND`, exit 0', async () => {
    for (const c of ['lists', 'scorecard', 'import']) {
      const short = await run('.', c, '-h');
      expect(short.code, c).toBe(0);
      expect(short.stdout.startsWith(`usage: btyun ${c}`), c).toBe(true);
      expect((await run('.', c, '--help')).stdout).toBe(short.stdout);
      expect((await run('.', 'help', c)).stdout).toBe(short.stdout);
    }
  });

  it('are listed by `btyun --help` and suggested for a typo', async () => {
    const listing = (await run('.', '--help')).stdout;
    for (const c of ['lists', 'scorecard', 'import']) expect(listing).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect((await run('.', 'scorecrd')).stderr).toContain('(did you mean scorecard?)');
  });
});
