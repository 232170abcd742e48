/** JSON Schema validation: one readable problem per real problem, with file, line, column, path. */
import { describe, expect, it } from 'vitest';
import { environmentFromDocuments } from '../../checks/core/load';
import { InputError } from '../../checks/core/errors';
import { miniTexts } from '../helpers/mini-env';
import { linesAfter, problemsAfter } from '../helpers/expect-problems';
import type { PatchOp } from '../helpers/patch';

const replace = (doc: PatchOp['doc'], path: string, value: unknown): PatchOp => ({ op: 'replace', doc, path, value });
const add = (doc: PatchOp['doc'], path: string, value: unknown): PatchOp => ({ op: 'add', doc, path, value });
const remove = (doc: PatchOp['doc'], path: string): PatchOp => ({ op: 'remove', doc, path });

describe('schema problems', () => {
  it('names file, line, column and path, with the allowed values and what was found', () => {
    expect(linesAfter([replace('inventory', '/systems/1/mlps/level', 5)])).toEqual([
      expect.stringMatching(/^mini\+patch\/inventory\.yaml:\d+:\d+: \/systems\/1\/mlps\/level: must be one of 1, 2, 3, 4 \(got 5\)$/),
    ]);
  });

  it('points at the line of the offending key in the original file', () => {
    const texts = miniTexts();
    texts.inventory.text = texts.inventory.text.replace('mlps: { level: 3, filingNumber: 65990013001-18001', 'mlps: { level: 5, filingNumber: 65990013001-18001');
    let message = '';
    try {
      environmentFromDocuments('mini', '/nowhere', texts);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      message = (e as InputError).message;
    }
    const line = texts.inventory.text.split('\n').findIndex((l) => l.includes('level: 5')) + 1;
    const column = texts.inventory.text.split('\n')[line - 1].indexOf('level: 5') + 1;
    expect(message).toBe(`test/fixtures/envs/mini/inventory.yaml:${line}:${column}: /systems/0/mlps/level: must be one of 1, 2, 3, 4 (got 5)`);
  });

  it('reports an unknown field at the field', () => {
    const [p] = problemsAfter([add('topology', '/centers/0/foo', 1)]);
    expect(p).toMatchObject({ path: '/centers/0/foo', message: "unknown field 'foo'" });
    expect(p.line).toBeGreaterThan(0);
  });

  it('reports a missing field at its parent object', () => {
    const [p] = problemsAfter([remove('topology', '/centers/1/kubeContext')]);
    expect(p).toMatchObject({ path: '/centers/1', message: "missing required field 'kubeContext'" });
    expect(p.line).toBeGreaterThan(0);
    expect(p.column).toBeGreaterThan(0);
  });

  it.each([
    ['a date that does not exist', replace('inventory', '/systems/0/approval/date', '2018-02-30'), /approval\/date: must be a real calendar date YYYY-MM-DD \(got '2018-02-30'\)/],
    ['a date in another format', replace('migration', '/waves/0/deadline', '31.03.2018'), /waves\/0\/deadline: must be a real calendar date/],
    ['an id that is not a Kubernetes name', replace('topology', '/divisions/1/id', 'Div_6'), /divisions\/1\/id: must be a Kubernetes name/],
    ['an id longer than 63', replace('inventory', '/systems/4/id', 'x'.repeat(64)), /systems\/4\/id: must be at most 63 characters/],
    ['a negative capacity', replace('topology', '/centers/0/capacity/cpu', -1), /capacity\/cpu: must be >= 0 \(got -1\)/],
    ['availability over 100', replace('topology', '/centers/0/availability', 100.5), /availability: must be <= 100/],
    ['negative replicas', replace('inventory', '/systems/0/workload/replicas', -2), /replicas: must be >= 0/],
    ['a port out of range', replace('networks', '/flows/0/ports/0', 70000), /ports\/0: must be <= 65535/],
    ['headroom over 1', add('policy', '/headroom', 1.5), /headroom: must be <= 1/],
    ['a wrong type', replace('inventory', '/systems/0/workload/replicas', 'two'), /replicas: must be a whole number \(got 'two'\)/],
    ['an unknown enum value', replace('inventory', '/systems/0/class', 'archive'), /class: must be one of retire, replace, keep \(got 'archive'\)/],
    ['an unknown zone id', replace('inventory', '/systems/0/zone', 'dmz'), /zone: must be one of extranet-public/],
    ['an unknown state backend type', replace('topology', '/centers/0/stateBackend', { type: 'ftp' }), /stateBackend\/type: must be one of the known kinds \(got 'ftp'\)/],
    ['an unknown pack', add('policy', '/packs', ['k8s', 'nope']), /packs\/1: must be one of topo/],
    ['a malformed rule id in severityOverrides', add('policy', '/severityOverrides', { 'k8s-1': 'low' }), /severityOverrides\/k8s-1: key 'k8s-1' must match/],
    ['a bad severity', add('policy', '/failOn', 'urgent'), /failOn: must be one of critical, high, medium, low, info/],
    ['a dependency listed twice', add('inventory', '/systems/0/dependencies', ['police-case-records', 'police-case-records']), /dependencies\/1: duplicate entry 'police-case-records' \(also at index 0\)/],
    ['a workload port listed twice', add('inventory', '/systems/0/workload/ports/-', 8080), /workload\/ports\/1: duplicate entry 8080 \(also at index 0\)/],
    ['a backup schedule that is not cron', replace('topology', '/backup/schedule', 'every night at 2'), /backup\/schedule: must be a cron schedule: five fields such as '0 2 \* \* \*'.* \(got 'every night at 2'\)/],
    ['a backup schedule with four fields', replace('topology', '/backup/schedule', '0 2 * *'), /backup\/schedule: must be a cron schedule/],
  ])('%s', (_what, op, pattern) => {
    const lines = linesAfter([op]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(pattern);
    expect(lines[0]).toMatch(/^mini\+patch\/\w+\.yaml:\d+:\d+: \//);
  });

  it.each(['0 2 * * *', '*/15 1-5 * * mon-fri', '30 3 1,15 * ?', '@daily'])('accepts the backup schedule %s', (schedule) => {
    expect(linesAfter([replace('topology', '/backup/schedule', schedule)])).toEqual([]);
  });

  it('gives one line for a bad state backend, not the noise of every oneOf branch', () => {
    expect(linesAfter([replace('topology', '/centers/0/stateBackend', { type: 'pg' })])).toEqual([
      expect.stringMatching(/\/centers\/0\/stateBackend: missing required field 'connStrEnv'$/),
    ]);
    expect(linesAfter([replace('topology', '/centers/0/stateBackend', { type: 's3', bucket: 'b', region: 'r', foo: 1 })])).toEqual([
      expect.stringMatching(/\/centers\/0\/stateBackend\/foo: unknown field 'foo'$/),
    ]);
  });

  it('collects every problem of every document before failing', () => {
    const problems = problemsAfter([
      replace('inventory', '/systems/1/mlps/level', 9),
      add('topology', '/centers/0/foo', 1),
      replace('migration', '/waves/0/deadline', '2018-13-01'),
      add('policy', '/headroom', -1),
      replace('networks', '/zones/0/network', 'internet'),
    ]);
    expect(problems.map((p) => p.file).sort()).toEqual(['inventory', 'migration', 'networks', 'policy', 'topology'].map((d) => `mini+patch/${d}.yaml`));
  });

  it('keeps filing fields optional: a half-filed system still loads', () => {
    const ops: PatchOp[] = ['name', 'function', 'scope', 'usageFrequency', 'approval', 'funding', 'builder', 'dataResources', 'class', 'mlps'].map((f) =>
      remove('inventory', `/systems/0/${f}`),
    );
    expect(problemsAfter(ops)).toEqual([]);
  });

  it('accepts an empty migration plan and an incomplete suppression', () => {
    expect(problemsAfter([replace('migration', '/waves', []), add('policy', '/suppressions', [{ rule: 'K8S-001' }])])).toEqual([]);
  });
});
