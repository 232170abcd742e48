/** `centerById` (policies/sdk/centers.ts): a map per environment, answering as a search in topology order would. */
import { describe, expect, it } from 'vitest';
import { centerById } from '../../../policies/sdk/centers';
import { baseEnv } from './support/env';

describe('centerById', () => {
  it('finds a center by id, the first of two with one id, and none for an unknown or absent id', () => {
    const env = baseEnv();
    env.topology.centers.push({ ...env.topology.centers[3], name: 'second div-8' });
    expect(centerById(env, 'corps-dr-shihezi')?.city).toBe('石河子市');
    expect(centerById(env, 'div-8')).toBe(env.topology.centers[3]);
    expect(centerById(env, 'nowhere')).toBeUndefined();
    expect(centerById(env, undefined)).toBeUndefined();
    expect(centerById(env, 'constructor')).toBeUndefined();
  });

  it('answers each environment from its own centers', () => {
    const one = baseEnv();
    const other = baseEnv();
    other.topology.centers[0] = { ...other.topology.centers[0], city: '石河子市' };
    expect(centerById(one, 'corps-primary')?.city).toBe('乌鲁木齐市');
    expect(centerById(other, 'corps-primary')?.city).toBe('石河子市');
  });
});
