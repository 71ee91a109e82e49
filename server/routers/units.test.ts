import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/schemas/unit';
import { createInnerContext, type Viewer } from '../context';
import type { Store } from '../store/port';
import { fixtureAuth, fixtureDeps, fixtureStore } from '../testing/fixture';
import { createCallerFactory } from '../trpc';
import { appRouter } from './_app';

const ADMIN: Viewer = { username: 'admin', role: 'admin', unitCode: null };
const LEADER: Viewer = { username: 'leader', role: 'leader', unitCode: null };
let store: Store;
const caller = (viewer: Viewer) => createCallerFactory(appRouter)(createInnerContext(fixtureDeps(store), fixtureAuth(store), viewer));
const unit = (change: Partial<Record<keyof Unit, unknown>>) => ({ code: '00990', name: 'Phường Thử', nameEn: null, kind: 'ward', parentCode: '01', headName: null, headTitle: null, population: null, ...change }) as Unit;

beforeAll(async () => {
  store = await fixtureStore();
});
afterAll(() => store.close());

describe('units.upsert', () => {
  it.each([
    ['a negative population', { population: -5 }],
    ['a fractional population', { population: 1.5 }],
    ['a name of blanks, which would be stored empty', { name: '   ' }],
    ['a name with a NUL', { name: 'Phường\u0000Thử' }],
    ['a name of 1,001 characters', { name: 'P'.repeat(1001) }],
    ["a head's title with a line break", { headTitle: 'Chủ tịch\nUBND' }],
    ['a code with a control character', { code: '00\u0007990' }],
    ['a code of 65 characters', { code: 'x'.repeat(65) }],
  ])('refuses %s with BAD_REQUEST, writing nothing', async (_label, change) => {
    const before = await caller(LEADER).units.list();
    const error = await caller(ADMIN).units.upsert(unit(change)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect(await caller(LEADER).units.list()).toEqual(before);
  });

  it('saves a good unit, trimmed, and lists it', async () => {
    await caller(ADMIN).units.upsert(unit({ name: '  Phường Thử  ', headTitle: ' Chủ tịch UBND ', population: 12500 }));
    const listed = (await caller(LEADER).units.list()).find((u) => u.code === '00990');
    expect(listed).toMatchObject({ name: 'Phường Thử', headTitle: 'Chủ tịch UBND', population: 12500 });
  });
});
