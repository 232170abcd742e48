import { describe, expect, it } from 'vitest';
import { Testing } from 'cdktf';
import { richEnv } from './fixture-env';
import { CenterStack } from '../../stacks/constructs/center-stack';

describe('snapshot', () => {
  it('the div-8 stack of the test environment', async () => {
    const env = richEnv();
    const center = env.topology.centers.find((c) => c.id === 'div-8');
    if (!center) throw new Error('div-8 missing from the fixture');
    const stack = new CenterStack(Testing.app({ stackTraces: false }), 'div-8', { env, center, asOf: '2018-07-01' });
    await expect(Testing.synth(stack)).toMatchFileSnapshot('./__snapshots__/div-8.cdk.tf.json');
  });
});
