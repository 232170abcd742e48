/**
 * The scorecard (§三(三)) on the small mini environment, where every figure can be counted by
 * hand: 整合数, 共享信息数, 协同应用数, 系统联通率 and 重点任务进展 per department and division, on
 * different dates and after edits that make tasks late.
 */
import { describe, expect, it } from 'vitest';
import { computeScorecard, type ScorecardRow } from '../../checks/plan/scorecard/scorecard';
import { loadMiniEnv, loadPatchedMiniEnv } from '../helpers/mini-env';

const mini = loadMiniEnv();

function unit(rows: readonly ScorecardRow[], id: string): ScorecardRow {
  const r = rows.find((x) => x.unit === id);
  if (!r) throw new Error(`no unit ${id}`);
  return r;
}

function tasks(r: ScorecardRow): Record<string, string> {
  return Object.fromEntries(r.tasks.map((t) => [t.task, `${t.status} ${t.done}/${t.total}`]));
}

describe('by department', () => {
  const card = computeScorecard(mini, 'department', '2018-07-01');

  it('counts integration, shared resources, 大协同 applications and the connection rate', () => {
    expect(card.rows.map((r) => r.unit)).toEqual(['hrss', 'jiyao', 'police']);
    const hrss = unit(card.rows, 'hrss');
    // Two kept systems on 兵团云 and a retired one with its O&M funding cancelled.
    expect(hrss).toMatchObject({ systems: 3, integrated: 3, resources: 3, shared: 2, collaborative: 2, mustConnect: 2, connected: 2, connectionRate: 1 });
    // A resource shared as 不予共享 is not shared.
    expect(unit(card.rows, 'police')).toMatchObject({ systems: 1, integrated: 1, resources: 1, shared: 0 });
    // A classified system stays on 政务内网: integrated there, and it need not connect.
    expect(unit(card.rows, 'jiyao')).toMatchObject({ systems: 1, integrated: 1, mustConnect: 0, connectionRate: null });
    expect(card.total).toMatchObject({ unit: 'total', systems: 5, integrated: 5, shared: 2, resources: 5, mustConnect: 3, connected: 3 });
  });

  it('judges the plan tasks: merged or exempt private networks, moves, connections', () => {
    expect(tasks(unit(card.rows, 'hrss'))).toEqual({ privateNetworkMerge: 'done 1/1', cloudRunning: 'none 0/0', centerMoves: 'done 2/2', divisionConsolidation: 'none 0/0', platformConnection: 'done 2/2' });
    expect(tasks(unit(card.rows, 'police')).privateNetworkMerge).toBe('done 1/1');
    expect(tasks(unit(card.rows, 'jiyao')).platformConnection).toBe('none 0/0');
  });

  it('before the connections and moves are done: open before the deadline, late after it', () => {
    const early = computeScorecard(mini, 'department', '2018-03-11');
    const hrss = unit(early.rows, 'hrss');
    expect(hrss).toMatchObject({ collaborative: 0, connected: 0, connectionRate: 0 });
    // hrss-social-insurance moved on 2018-03-10, hrss-training-records on 2018-03-12.
    expect(tasks(hrss)).toMatchObject({ centerMoves: 'open 1/2', platformConnection: 'open 0/2' });
    const patched = loadPatchedMiniEnv([
      { op: 'remove', doc: 'inventory', path: '/systems/2/platforms/1' },
      { op: 'replace', doc: 'migration', path: '/waves/0/moves/2/done', value: false },
    ]);
    const late = unit(computeScorecard(patched, 'department', '2018-07-01').rows, 'hrss');
    expect(late).toMatchObject({ mustConnect: 2, connected: 1, connectionRate: 0.5, collaborative: 2 });
    expect(tasks(late)).toMatchObject({ centerMoves: 'late 1/2', platformConnection: 'late 1/2' });
  });

  it('a retired system whose O&M funding is not cancelled is not integrated', () => {
    const patched = loadPatchedMiniEnv([{ op: 'replace', doc: 'inventory', path: '/systems/3/funding/omStatus', value: 'active' }]);
    expect(unit(computeScorecard(patched, 'department', '2018-07-01').rows, 'hrss').integrated).toBe(2);
  });
});

describe('by division', () => {
  it('puts systems of corps centers at the corps level and judges each division center in service', () => {
    const card = computeScorecard(mini, 'division', '2018-07-01');
    expect(card.rows.map((r) => r.unit)).toEqual(['corps', 'div-8', 'div-6']);
    expect(unit(card.rows, 'corps')).toMatchObject({ systems: 5, integrated: 5 });
    expect(tasks(unit(card.rows, 'corps')).cloudRunning).toBe('done 3/3');
    expect(tasks(unit(card.rows, 'div-8')).cloudRunning).toBe('done 1/1');
    expect(tasks(unit(card.rows, 'div-6')).cloudRunning).toBe('none 0/0');
    // div-8's center went into service on 2018-03-01, after the 2017-12-31 deadline.
    expect(tasks(unit(computeScorecard(mini, 'division', '2018-02-01').rows, 'div-8')).cloudRunning).toBe('late 0/1');
    expect(tasks(unit(computeScorecard(mini, 'division', '2017-06-01').rows, 'div-8')).cloudRunning).toBe('open 0/1');
  });

  it('counts a system on a division center for that division', () => {
    const patched = loadPatchedMiniEnv([{ op: 'replace', doc: 'inventory', path: '/systems/2/location/center', value: 'div-8' }]);
    const card = computeScorecard(patched, 'division', '2018-07-01');
    expect(unit(card.rows, 'div-8').systems).toBe(1);
    expect(unit(card.rows, 'corps').systems).toBe(4);
  });
});
