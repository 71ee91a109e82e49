import { describe, expect, it } from 'vitest';
import { LoginThrottle, type Attempt } from './throttle';

const ok = (r: ReturnType<LoginThrottle['reserve']>): Attempt => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r)}`);
  return r.attempt;
};

describe('LoginThrottle', () => {
  it('refuses a sixth try of an account while five are being checked, for a moment only, and lets it in once they settle right', () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle(undefined, () => now);
    const inFlight = Array.from({ length: 5 }, () => ok(throttle.reserve('leader', '10.0.0.1')));
    expect(throttle.reserve('leader', '10.0.0.2')).toEqual({ ok: false, retryAfter: 1, checking: true });
    // The five were the right password: forgiven and settled; the sixth gets in.
    for (const a of inFlight) {
      throttle.succeed(a);
      throttle.settle(a);
    }
    now += 100;
    expect(throttle.reserve('leader', '10.0.0.2').ok).toBe(true);
  });

  it("keeps counting the guesses being checked when the owner signs in meanwhile, and forgives only the settled ones", () => {
    const throttle = new LoginThrottle(undefined, () => 1_000_000);
    throttle.settle(ok(throttle.reserve('leader', '10.0.3.1')));
    const guesses = [0, 1, 2].map((i) => ok(throttle.reserve('leader', `10.0.4.${i}`)));
    const owner = ok(throttle.reserve('leader', '10.0.5.1'));
    throttle.succeed(owner);
    throttle.settle(owner);
    // The three guesses fail after the owner's success: they stay counted, the failure before it does not.
    for (const g of guesses) throttle.settle(g);
    for (let i = 0; i < 2; i++) throttle.settle(ok(throttle.reserve('leader', `10.0.6.${i}`)));
    expect(throttle.reserve('leader', '10.0.6.9')).toMatchObject({ ok: false, checking: false });
  });

  it('holds nothing against an account when several right sign-ins of it overlap, or one was let off', () => {
    const throttle = new LoginThrottle(undefined, () => 1_000_000);
    for (let i = 0; i < 4; i++) throttle.settle(ok(throttle.reserve('leader', `10.0.7.${i}`)));
    // Four failures; then the owner's tablet and phone sign in at once, and a try let off (not a wrong password).
    const right = [ok(throttle.reserve('leader', '10.0.8.1'))];
    throttle.settle(right[0] as Attempt);
    throttle.succeed(right[0] as Attempt);
    const overlapping = [ok(throttle.reserve('leader', '10.0.8.2')), ok(throttle.reserve('leader', '10.0.8.3')), ok(throttle.reserve('leader', '10.0.8.4'))];
    const [a, b, letOff] = overlapping as [Attempt, Attempt, Attempt];
    throttle.release(letOff);
    throttle.succeed(a);
    throttle.succeed(b);
    for (const t of overlapping) throttle.settle(t);
    // Nothing is counted: five wrong tries are needed again before a refusal.
    for (let i = 0; i < 5; i++) throttle.settle(ok(throttle.reserve('leader', `10.0.9.${i}`)));
    expect(throttle.reserve('leader', '10.0.9.9')).toMatchObject({ ok: false, checking: false });
  });

  it('forgets, once a window has passed, the names and addresses tried only before it', () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle(undefined, () => now);
    for (let i = 0; i < 500; i++) throttle.settle(ok(throttle.reserve(`sprayed-${i}`, `10.1.${i >> 8}.${i & 255}`)));
    expect(throttle.tracked).toBe(1000);
    now += 15 * 60_000 + 1;
    throttle.settle(ok(throttle.reserve('leader', '10.0.0.1')));
    expect(throttle.tracked).toBe(2);
  });

  it('refuses for the rest of the window once five tries have failed, and says they failed', () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle(undefined, () => now);
    for (let i = 0; i < 5; i++) throttle.settle(ok(throttle.reserve('admin', '10.0.0.1')));
    const refused = throttle.reserve('admin', '10.0.0.3');
    expect(refused).toEqual({ ok: false, retryAfter: 15 * 60, checking: false });
    now += 15 * 60_000 + 1;
    expect(throttle.reserve('admin', '10.0.0.3').ok).toBe(true);
  });

  it('says "failed" when failures alone fill the limit, even with other tries still being checked', () => {
    const throttle = new LoginThrottle(undefined, () => 1_000_000);
    for (let i = 0; i < 3; i++) throttle.settle(ok(throttle.reserve('admin', `10.0.1.${i}`)));
    const checking = [ok(throttle.reserve('admin', '10.0.2.1')), ok(throttle.reserve('admin', '10.0.2.2'))];
    expect(throttle.reserve('admin', '10.0.2.3')).toMatchObject({ ok: false, checking: true });
    // Both turn out wrong: now five failures.
    for (const a of checking) throttle.settle(a);
    expect(throttle.reserve('admin', '10.0.2.3')).toMatchObject({ ok: false, checking: false });
  });

  it('wakes who waits on an account or address when a try of it settles, not when another one does', async () => {
    const throttle = new LoginThrottle(undefined, () => 1_000_000);
    const mine = ok(throttle.reserve('leader', '10.0.0.1'));
    const other = ok(throttle.reserve('someone', '10.0.9.9'));
    let woken = false;
    const waiting = throttle.checkEnded('leader', '10.0.0.2', 60_000)?.then(() => (woken = true));
    throttle.settle(other);
    await Promise.resolve();
    expect(woken).toBe(false);
    throttle.settle(mine);
    await waiting;
    expect(woken).toBe(true);
  });

  it('lets no more wait on an account than its limit, and forgets a wait that ended by itself', async () => {
    const throttle = new LoginThrottle(undefined, () => 1_000_000);
    const waits = Array.from({ length: 5 }, (_, i) => throttle.checkEnded('leader', `10.0.0.${i}`, 5));
    expect(waits.every((w) => w !== null)).toBe(true);
    expect(throttle.checkEnded('leader', '10.0.0.9', 5)).toBeNull();
    expect(throttle.waiting).toBe(5);
    await Promise.all(waits);
    expect(throttle.waiting).toBe(0);
    // Those waits ended by their timers: room again.
    expect(throttle.checkEnded('leader', '10.0.0.9', 5)).not.toBeNull();
  });
});
