import { describe, expect, it } from 'vitest';
import { countJobs } from '../../../src/db/repos/job.repo';
import { EventHub, publishEvent, type LiveEvent } from '../../../src/services/events.service';
import { JobWorker, computeRetryDelayMs, enqueueJob } from '../../../src/services/jobs.service';
import { MAINTENANCE_JOB, scheduleMaintenance } from '../../../src/services/maintenance.service';
import { insertSession } from '../../../src/db/repos/session.repo';
import { findLiveSession } from '../../../src/db/repos/session.repo';
import { canReceiveEvent } from '../../../src/http/routes/events.routes';
import { useTestContext } from '../../helpers/test-context';
import { makeUser } from '../../factories/user.factory';
import { createMaintenanceHandler } from '../../../src/services/maintenance.service';

const t = useTestContext();

async function waitFor(check: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

describe('background jobs on the database', () => {
  it('two workers never run the same job, and every job runs once', async () => {
    const db = t.ctx.database.db;
    const seen: number[] = [];
    const handler = async (_ctx: unknown, payload: Record<string, unknown>) => {
      seen.push(Number(payload.n));
    };
    for (let n = 0; n < 30; n++) await enqueueJob(db, 'test.count', { n });
    const a = new JobWorker(t.ctx, { 'test.count': handler });
    const b = new JobWorker(t.ctx, { 'test.count': handler });
    const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
    expect(ra + rb).toBe(30);
    expect([...seen].sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('retries a failing job with back-off and stops at max attempts', async () => {
    const db = t.ctx.database.db;
    let calls = 0;
    await enqueueJob(db, 'test.fail', {}, { maxAttempts: 2 });
    const w = new JobWorker(t.ctx, {
      'test.fail': async () => {
        calls += 1;
        throw new Error('downstream unavailable');
      },
    });
    await w.drain();
    expect(calls).toBe(1);
    expect(computeRetryDelayMs(1)).toBe(2000);
    expect(computeRetryDelayMs(30)).toBe(600_000);
    await db.execute((await import('drizzle-orm')).sql`UPDATE jobs SET run_at = now() WHERE kind = 'test.fail'`);
    await w.drain();
    expect(calls).toBe(2);
    await w.drain();
    expect(calls).toBe(2);
    expect((await countJobs(db)).failed).toBeGreaterThanOrEqual(1);
  });

  it('maintenance deletes expired sessions and schedules itself once', async () => {
    const user = await makeUser(t.ctx, { role: 'trainer' });
    await insertSession(t.ctx.database.db, { id: 'expired-session-hash', userId: user.id, mfaState: 'not_needed', expiresAt: new Date(Date.now() - 1000) });
    await Promise.all([scheduleMaintenance(t.ctx), scheduleMaintenance(t.ctx)]);
    const w = new JobWorker(t.ctx, { [MAINTENANCE_JOB]: createMaintenanceHandler(60_000) });
    expect(await w.drain()).toBe(1);
    expect(await findLiveSession(t.ctx.database.db, 'expired-session-hash', new Date(0))).toBeUndefined();
    expect((await countJobs(t.ctx.database.db)).pending).toBeGreaterThanOrEqual(1);
  });
});

describe('live events (LISTEN/NOTIFY)', () => {
  it('delivers events of committed transactions only', async () => {
    const hub = new EventHub();
    await hub.start(t.ctx.database);
    const got: LiveEvent[] = [];
    hub.subscribe((e) => got.push(e));
    await t.ctx.database.db.transaction(async (tx) => publishEvent(tx, { topic: 'contacts.changed', organisationId: 'org-1', ids: ['c1'] }));
    await t.ctx.database.db
      .transaction(async (tx) => {
        await publishEvent(tx, { topic: 'contacts.changed', ids: ['rolled-back'] });
        throw new Error('abort');
      })
      .catch(() => undefined);
    await waitFor(() => got.length >= 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(got.map((e) => e.ids?.[0])).toEqual(['c1']);
    await hub.stop();
  });

  it('lets a listener hear only events in its permission and scope', async () => {
    const user = await makeUser(t.ctx, { role: 'helpline_operator' });
    const org = user.principal.memberships[0]!;
    expect(canReceiveEvent(user.principal, { topic: 'contacts.changed', organisationId: org.organisationId })).toBe(true);
    expect(canReceiveEvent(user.principal, { topic: 'contacts.changed', organisationId: 'another-org' })).toBe(false);
    expect(canReceiveEvent(user.principal, { topic: 'stats.changed', organisationId: org.organisationId })).toBe(false);
    expect(canReceiveEvent(user.principal, { topic: 'unknown.topic', organisationId: org.organisationId })).toBe(false);
  });
});
