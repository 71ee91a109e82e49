import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInnerContext, type Viewer } from '../context';
import { appRouter } from '../routers/_app';
import type { Store } from '../store/port';
import { fixtureAuth, fixtureDeps, fixtureStore } from '../testing/fixture';
import { createCallerFactory } from '../trpc';

let store: Store;
const as = (viewer: Viewer) => createCallerFactory(appRouter)(createInnerContext(fixtureDeps(store), fixtureAuth(store), viewer));
const HEAD: Viewer = { username: 'head-00070', role: 'unit_head', unitCode: '00070' };
const LEADER: Viewer = { username: 'leader', role: 'leader', unitCode: null };

beforeAll(async () => {
  store = await fixtureStore();
});
afterAll(() => store.close());

describe('a monthly reporting round', () => {
  it('shows a unit head what is due, takes their value, and the city sees it reported', async () => {
    const before = await as(HEAD).indicators.round({ period: '2025-07' });
    expect(before.dueDate).toBe('2025-08-05');
    expect(before.rows.every((r) => r.unitCode === '00070')).toBe(true);
    expect(before.rows.find((r) => r.indicator === 'PUBLISH_ON_TIME')?.status).toBe('late');
    expect(before.closed).toBe(true);
    const running = await as(HEAD).indicators.round({ period: '2025-08' });
    expect(running).toMatchObject({ closed: false, dueDate: '2025-09-05' });
    expect(running.rows.every((r) => r.status === 'missing')).toBe(true);
    await as(HEAD).indicators.submit({ indicator: 'PUBLISH_ON_TIME', unitCode: '00070', period: '2025-07', numerator: 9, denominator: 10, note: 'Theo sổ theo dõi' });
    const city = await as(LEADER).indicators.round({ period: '2025-07' });
    expect(city.rows.find((r) => r.indicator === 'PUBLISH_ON_TIME' && r.unitCode === '00070')).toMatchObject({ status: 'reported', record: { value: 90, note: 'Theo sổ theo dõi', actor: 'head-00070' } });
    expect(city.rows.find((r) => r.indicator === 'PUBLISH_ON_TIME' && r.unitCode === '00082')?.status).toBe('late');
  });

  it('keeps a unit head to their own unit, and refuses what a values file would refuse', async () => {
    await expect(as(HEAD).indicators.submit({ indicator: 'PUBLISH_ON_TIME', unitCode: '00082', period: '2025-07', value: 50 })).rejects.toThrow(/own unit/);
    await expect(as(HEAD).indicators.submit({ indicator: 'PUBLISH_ON_TIME', unitCode: '00070', period: '2025-07', numerator: 11, denominator: 10 })).rejects.toThrow(/larger than the denominator/);
    await expect(as(HEAD).indicators.submit({ indicator: 'NO_SUCH', unitCode: '00070', period: '2025-07', value: 1 })).rejects.toThrow(/not an indicator/);
    await expect(as(HEAD).indicators.submit({ indicator: 'PUBLISH_ON_TIME', unitCode: '00070', period: '2025-07', numerator: 1 })).rejects.toThrow(/go together/);
  });

  it('lets the city return a value with a comment: it stops counting, the unit corrects it, and the history keeps every version', async () => {
    await as(LEADER).indicators.returnValue({ indicator: 'PUBLISH_ON_TIME', unitCode: '00070', period: '2025-07', comment: 'Mẫu số chưa đúng' });
    expect((await store.listIndicatorValues()).some((v) => v.indicator === 'PUBLISH_ON_TIME' && v.unitCode === '00070')).toBe(false);
    expect((await as(HEAD).indicators.round({ period: '2025-07' })).rows.find((r) => r.indicator === 'PUBLISH_ON_TIME')).toMatchObject({ status: 'returned', record: { comment: 'Mẫu số chưa đúng' } });
    await as(HEAD).indicators.submit({ indicator: 'PUBLISH_ON_TIME', unitCode: '00070', period: '2025-07', numerator: 10, denominator: 12 });
    const history = await as(HEAD).indicators.history({ unitCode: '00070', indicator: 'PUBLISH_ON_TIME' });
    expect(history.map((h) => [h.state, h.numerator])).toEqual([['submitted', 10], ['returned', 9], ['submitted', 9]]);
    const audit = await store.listAudit(20, 0);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['value.report', 'value.return', 'value.correct']));
  });
});
