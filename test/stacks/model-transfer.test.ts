/**
 * The model handed to synth workers (stacks/parallel/model-transfer.ts) survives the IPC channel's
 * structured clone, gives the stacks the same source positions, and reads the environment from its
 * folder only for a pointer the table lacks.
 */
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { packModel, unpackModel, type TransferredModel } from '../../stacks/parallel/model-transfer';
import { richEnv } from './fixture-env';

describe('the transferred model', () => {
  const env = richEnv();
  // What `serialization: 'advanced'` does to a message.
  const sent = deserialize(serialize(packModel(env))) as TransferredModel;

  it('carries every document, the files and the fingerprint', () => {
    const { locate: _locate, ...data } = env;
    const { locate: _unpacked, ...received } = unpackModel(sent, () => {
      throw new Error('not needed');
    });
    expect(received).toEqual(data);
  });

  it('locates centers and systems as the loaded environment does, without reading it again', () => {
    let loads = 0;
    const worker = unpackModel(sent, () => {
      loads++;
      return env;
    });
    env.topology.centers.forEach((_, i) => expect(worker.locate('topology', `/centers/${i}`)).toEqual(env.locate('topology', `/centers/${i}`)));
    env.inventory.systems.forEach((_, i) => expect(worker.locate('inventory', `/systems/${i}`)).toEqual(env.locate('inventory', `/systems/${i}`)));
    expect(worker.locate('inventory', '/systems/0')).toBeDefined();
    expect(loads).toBe(0);
  });

  it('reads the environment once for any other pointer', () => {
    let loads = 0;
    const worker = unpackModel(sent, () => {
      loads++;
      return env;
    });
    expect(worker.locate('networks', '/zones/0')).toEqual(env.locate('networks', '/zones/0'));
    expect(worker.locate('policy', '/packs')).toEqual(env.locate('policy', '/packs'));
    expect(loads).toBe(1);
  });
});
