import { it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEnvironment } from '../../../checks/model/load';
import { loadSynthDir } from '../../../checks/engine/load-configuration';
import { synthEnvironment } from '../../../stacks/synth';
import { MLPS_RULES } from '../../../policies/mlps';
import { buildRuleContext } from '../../helpers/rule-context';
it('synth', async () => {
  for (const name of ['production', 'test/fixtures/envs/mini']) {
    const env = loadEnvironment(name);
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'q7x-mlps-'));
    synthEnvironment(env, { outDir: path.join(outDir, 'o'), asOf: '2018-07-01' });
    const resources = loadSynthDir('.', path.join(outDir, 'o'));
    fs.rmSync(outDir, { recursive: true, force: true });
    const ctx = buildRuleContext(env, resources, '2018-07-01', true);
    console.log(`== ${name}: ${resources.length} resources, stacks ${ctx.resources.stacks.join(',')}`);
    for (const r of MLPS_RULES) for (const f of r.check(ctx)) console.log(`${r.id} [${f.resource ? f.resource.stack + '/' + f.resource.address : f.path}] ${f.message.en}`);
  }
}, 600000);
