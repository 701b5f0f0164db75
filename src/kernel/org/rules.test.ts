import { describe, expect, it } from 'vitest';
import {
  checkFive01Assignment,
  checkFive01Gap,
  checkFive01PrincipalPost,
  checkFive02Assignment,
  checkWr01Director,
  checkWr03Acting,
  checkWr04Head,
  type AreaAssignmentFacts,
} from './rules';

const since2019 = { startDate: '2019-03-19', endDate: null };
const facts = (over: Partial<AreaAssignmentFacts>): AreaAssignmentFacts => ({
  leader: { id: 'p1', name: '王副主任' },
  area: { code: 'finance_approval', name: '财务审批', restricted: true },
  range: { startDate: '2026-11-02', endDate: null },
  leaderPrincipalPosts: [],
  sameAreaOverlaps: [],
  leaderAreaOverlaps: [],
  ...over,
});

describe('org rules (pure checks)', () => {
  it('FIVE-01 blocks the principal leader for any of the five areas, naming person and area', () => {
    const v = checkFive01Assignment(facts({ leader: { id: 'c', name: '陈志远' }, leaderPrincipalPosts: ['主任', '党组书记'] }));
    expect(v).toMatchObject({ outcome: 'block', ruleId: 'FIVE-01' });
    expect(v.outcome !== 'ok' && v.message).toMatch(/陈志远.*财务审批/);
  });

  it('FIVE-01 blocks a second concurrent leader for one area', () => {
    const v = checkFive01Assignment(facts({ sameAreaOverlaps: [{ personId: 'l', personName: '李明华', ...since2019 }] }));
    expect(v).toMatchObject({ outcome: 'block', ruleId: 'FIVE-01' });
    expect(v.outcome !== 'ok' && v.message).toContain('李明华');
  });

  it('FIVE-01 does not apply to areas outside the five', () => {
    const v = checkFive01Assignment(facts({ area: { code: 'x', name: '外事', restricted: false }, leaderPrincipalPosts: ['主任'] }));
    expect(v.outcome).toBe('ok');
  });

  it('FIVE-01 warns when ending leaves an area without a leader, not when a successor follows', () => {
    const area = { name: '物资采购', restricted: true };
    expect(checkFive01Gap({ area, endDate: '2026-12-31', successor: null })).toMatchObject({ outcome: 'warn', ruleId: 'FIVE-01' });
    expect(checkFive01Gap({ area, endDate: '2026-12-31', successor: { id: 's', name: '孙丽' } }).outcome).toBe('ok');
  });

  it('FIVE-01 blocks taking a principal post while in charge of one of the five areas', () => {
    const v = checkFive01PrincipalPost({ person: { id: 'l', name: '李明华' }, post: { name: '主任', principal: true }, restrictedAreas: ['财务审批'] });
    expect(v).toMatchObject({ outcome: 'block', ruleId: 'FIVE-01' });
    expect(checkFive01PrincipalPost({ person: { id: 'l', name: '李明华' }, post: { name: '科长', principal: false }, restrictedAreas: ['人事'] }).outcome).toBe('ok');
  });

  it('FIVE-02 blocks the finance-approval leader from construction, and the other way round', () => {
    const financeHeld = [{ areaCode: 'finance_approval', areaName: '财务审批', ...since2019 }];
    const toConstruction = checkFive02Assignment(facts({ area: { code: 'construction', name: '工程项目建设', restricted: true }, leaderAreaOverlaps: financeHeld }));
    expect(toConstruction).toMatchObject({ outcome: 'block', ruleId: 'FIVE-02', cite: '五不直接分管 第二条（三）' });
    const constructionHeld = [{ areaCode: 'construction', areaName: '工程项目建设', ...since2019 }];
    expect(checkFive02Assignment(facts({ leaderAreaOverlaps: constructionHeld })).outcome).toBe('block');
    expect(checkFive02Assignment(facts({ area: { code: 'personnel', name: '人事', restricted: true }, leaderAreaOverlaps: financeHeld })).outcome).toBe('ok');
  });

  it('WR-01 allows one 主任 at a time', () => {
    const other = [{ personId: 'c', personName: '陈志远', ...since2019 }];
    expect(checkWr01Director({ person: { id: 'l', name: '李明华' }, postCode: 'director', otherDirectors: other })).toMatchObject({ outcome: 'block', ruleId: 'WR-01' });
    expect(checkWr01Director({ person: { id: 'c', name: '陈志远' }, postCode: 'director', otherDirectors: other }).outcome).toBe('ok');
    expect(checkWr01Director({ person: { id: 'l', name: '李明华' }, postCode: 'deputy_director', otherDirectors: other }).outcome).toBe('ok');
  });

  it('WR-03 requires a 副主任 designated by the 主任, one at a time', () => {
    const base = { absent: { id: 'c', name: '陈志远' }, acting: { id: 'l', name: '李明华' }, coversDirector: true, designatedByDirector: true, actingIsDeputyDirector: true, otherActing: [] };
    expect(checkWr03Acting(base).outcome).toBe('ok');
    expect(checkWr03Acting({ ...base, actingIsDeputyDirector: false })).toMatchObject({ outcome: 'block', ruleId: 'WR-03' });
    expect(checkWr03Acting({ ...base, designatedByDirector: false })).toMatchObject({ outcome: 'block', ruleId: 'WR-03' });
    const other = [{ personId: 's', personName: '孙丽', startDate: '2026-11-01', endDate: '2026-11-10' }];
    expect(checkWr03Acting({ ...base, otherActing: other })).toMatchObject({ outcome: 'block', ruleId: 'WR-03' });
    expect(checkWr03Acting({ ...base, coversDirector: false, actingIsDeputyDirector: false }).outcome).toBe('ok');
  });

  it('WR-04 allows one head per section at a time', () => {
    const other = [{ personId: 'z', personName: '朱涛', ...since2019 }];
    const v = checkWr04Head({ unitName: '督查科', person: { id: 'x', name: '许诺' }, isHeadPost: true, otherHeads: other });
    expect(v).toMatchObject({ outcome: 'block', ruleId: 'WR-04' });
    expect(checkWr04Head({ unitName: '督查科', person: { id: 'x', name: '许诺' }, isHeadPost: false, otherHeads: other }).outcome).toBe('ok');
  });
});
