import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import type { Principal } from '../../../src/domain/access/scope';
import { getKpis, getWallboard } from '../../../src/services/helpline.service';
import { makeContactRow, makeDesk } from '../../factories/contact.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { makeUser } from '../../factories/user.factory';
import { createTestApp } from '../../helpers/http-client';
import { useTestContext } from '../../helpers/test-context';
import { outcome, signedIn } from '../http/support';
import { ok } from './support';

const t = useTestContext({ RATE_LIMIT_LOGIN_PER_MINUTE: '10000' });
const at = (iso: string) => new Date(iso);
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);
const actorOf = (principal: Principal) => ({ principal, requestId: null });

describe('the wallboard', () => {
  let org: OrganisationRow;
  let supervisor: Principal;
  let op1: { id: string; displayName: string };
  let op2: { id: string; displayName: string };
  let oldDraftId: string;
  // Monday 2 March 2026, 14:00 in Athens (UTC+2): the local day began at 1 March 22:00 UTC.
  const NOW = at('2026-03-02T12:00:00Z');

  beforeAll(async () => {
    org = await makeOrganisation(t.ctx, { countryCode: 'GR' });
    await makeDesk(t.ctx, { organisationId: org.id, timeZone: 'Europe/Athens' });
    supervisor = (await makeUser(t.ctx, { role: 'supervisor', organisationId: org.id })).principal;
    op1 = await makeUser(t.ctx, { role: 'helpline_operator', organisationId: org.id });
    op2 = await makeUser(t.ctx, { role: 'helpline_operator', organisationId: org.id });
    const base = { organisationId: org.id };
    await makeContactRow(t.ctx, { ...base, startedAt: at('2026-03-01T21:30:00Z'), channel: 'phone', operatorUserId: op1.id }); // 23:30 yesterday, local
    await makeContactRow(t.ctx, { ...base, startedAt: at('2026-03-01T22:15:00Z'), channel: 'phone', operatorUserId: op1.id }); // 00:15 today
    await makeContactRow(t.ctx, { ...base, startedAt: at('2026-03-02T07:10:00Z'), channel: 'phone', isThb: true, categories: ['THB.LABOUR'], operatorUserId: op1.id });
    await makeContactRow(t.ctx, { ...base, startedAt: at('2026-03-02T07:50:00Z'), channel: 'chat', nonDataType: 'silent', outcome: 'non_data', categories: ['NONDATA.SILENT'], operatorUserId: op2.id });
    await makeContactRow(t.ctx, { ...base, startedAt: at('2026-03-02T10:05:00Z'), channel: 'chat', status: 'draft', outcome: null, completedAt: null, endedAt: null, operatorUserId: op1.id });
    await makeContactRow(t.ctx, { ...base, startedAt: at('2026-03-02T11:00:00Z'), channel: 'email', status: 'queued', outcome: null, completedAt: null, endedAt: null, operatorUserId: null });
    oldDraftId = (await makeContactRow(t.ctx, { ...base, startedAt: at('2026-02-27T09:00:00Z'), channel: 'phone', status: 'draft', outcome: null, completedAt: null, endedAt: null, operatorUserId: op2.id })).id;
    // Another desk's contacts never count.
    const other = await makeOrganisation(t.ctx, { countryCode: 'GR' });
    await makeContactRow(t.ctx, { organisationId: other.id, startedAt: at('2026-03-02T09:00:00Z'), channel: 'phone' });
  });

  it('counts today in the desk time zone, per channel and local hour', async () => {
    const w = await getWallboard(t.ctx, actorOf(supervisor), org.id, NOW);
    expect(w).toMatchObject({ organisationId: org.id, day: '2026-03-02', timeZone: 'Europe/Athens', total: 5, completed: 3, thb: 1, nonData: 1, queued: 1, openDrafts: 2 });
    expect(w.byChannelHour).toEqual([
      { channel: 'phone', hour: 0, count: 1 },
      { channel: 'chat', hour: 9, count: 1 },
      { channel: 'phone', hour: 9, count: 1 },
      { channel: 'chat', hour: 12, count: 1 },
      { channel: 'email', hour: 13, count: 1 },
    ]);
  });

  it('names the longest open draft and the operators with open drafts', async () => {
    const w = await getWallboard(t.ctx, actorOf(supervisor), org.id, NOW);
    expect(w.longestOpenDraft).toMatchObject({ contactId: oldDraftId, startedAt: '2026-02-27T09:00:00.000Z', operatorName: op2.displayName });
    const duty = Object.fromEntries(w.operatorsOnDuty.map((o) => [o.userId, o]));
    expect(duty[op1.id]).toMatchObject({ openDrafts: 1, handledToday: 2 });
    expect(duty[op2.id]).toMatchObject({ openDrafts: 1, handledToday: 1 });
    expect(Object.keys(duty)).toHaveLength(2);
  });

  it('is for reviewers, at desks in their scope', async () => {
    const app: FastifyInstance = await createTestApp(t.ctx);
    try {
      const operator = (await signedIn(app, t.ctx, { role: 'helpline_operator', organisationId: org.id })).client;
      expect(outcome(await operator.get(`/api/helpline/wallboard?organisationId=${org.id}`))).toBe('403 FORBIDDEN');
      const sup = (await signedIn(app, t.ctx, { role: 'supervisor', organisationId: org.id })).client;
      expect(ok(await sup.get('/api/helpline/wallboard')).organisationId).toBe(org.id);
      const elsewhere = await makeOrganisation(t.ctx, { countryCode: 'GR' });
      expect(outcome(await sup.get(`/api/helpline/wallboard?organisationId=${elsewhere.id}`))).toBe('403 OUT_OF_SCOPE');
    } finally {
      await app.close();
    }
  });
});

describe('helpline KPIs', () => {
  let org: OrganisationRow;
  let supervisor: Principal;
  const FEB = { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' };

  beforeAll(async () => {
    org = await makeOrganisation(t.ctx, { countryCode: 'GR' });
    await makeDesk(t.ctx, { organisationId: org.id });
    supervisor = (await makeUser(t.ctx, { role: 'supervisor', organisationId: org.id })).principal;
    const base = { organisationId: org.id };
    const s1 = '2026-02-03T10:00:00Z';
    const s2 = '2026-02-04T10:00:00Z';
    await makeContactRow(t.ctx, { ...base, startedAt: at(s1), channel: 'phone', handleSeconds: 300, isThb: true, categories: ['THB.LABOUR'], policeNotifiedAt: plus(s1, 30), nrmNotifiedAt: plus(s1, 90) });
    await makeContactRow(t.ctx, { ...base, startedAt: at(s2), channel: 'phone', handleSeconds: 100, policeNotifiedAt: plus(s2, 60) });
    await makeContactRow(t.ctx, { ...base, startedAt: at('2026-02-05T10:00:00Z'), channel: 'phone', status: 'abandoned', handleSeconds: 20, outcome: null });
    await makeContactRow(t.ctx, { ...base, startedAt: at('2026-02-06T10:00:00Z'), channel: 'chat', handleSeconds: 10, nonDataType: 'silent', outcome: 'non_data', categories: ['NONDATA.SILENT'] });
    await makeContactRow(t.ctx, { ...base, startedAt: at('2026-02-07T22:00:00Z'), channel: 'chat', handleSeconds: 200, outOfHours: true });
    await makeContactRow(t.ctx, { ...base, startedAt: at('2026-02-08T10:00:00Z'), channel: 'email', status: 'queued', outcome: null, completedAt: null, endedAt: null, handleSeconds: null });
    // Outside the period, and at another desk: not counted.
    await makeContactRow(t.ctx, { ...base, startedAt: at('2026-03-01T00:00:00Z'), channel: 'phone' });
    await makeContactRow(t.ctx, { organisationId: (await makeOrganisation(t.ctx, { countryCode: 'GR' })).id, startedAt: at('2026-02-10T10:00:00Z'), channel: 'phone' });
  });

  it('counts offered, handled and abandoned contacts per channel', async () => {
    const k = await getKpis(t.ctx, actorOf(supervisor), FEB);
    expect(k).toMatchObject({ offered: 6, handled: 4, abandoned: 1, avgHandleSeconds: 200, medianHandleSeconds: 200 });
    expect(k.byChannel).toEqual([
      { channel: 'chat', offered: 2, handled: 2, avgHandleSeconds: 200 },
      { channel: 'email', offered: 1, handled: 0, avgHandleSeconds: null },
      { channel: 'phone', offered: 3, handled: 2, avgHandleSeconds: 200 },
    ]);
  });

  it('gives THB, non-data and out-of-hours shares and median minutes to police and NRM', async () => {
    const k = await getKpis(t.ctx, actorOf(supervisor), FEB);
    expect(k).toMatchObject({ thbReports: 1, thbShare: 0.25, nonData: 1, nonDataShare: 0.25, outOfHours: 1, outOfHoursShare: 0.1667 });
    expect(k).toMatchObject({ policeNotified: 2, medianMinutesToPolice: 45, nrmNotified: 1, medianMinutesToNrm: 90 });
  });

  it('gives nulls, not zeros or NaN, for an empty period', async () => {
    const k = await getKpis(t.ctx, actorOf(supervisor), { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' });
    expect(k).toMatchObject({ offered: 0, handled: 0, thbShare: null, nonDataShare: null, outOfHoursShare: null, medianMinutesToPolice: null, avgHandleSeconds: null });
    expect(k.byChannel).toEqual([]);
  });
});
