import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationRow } from '../../../src/db/repos/organisation.repo';
import { createContact, updateContact } from '../../../src/services/contact.service';
import { EventHub, flushEvents, type LiveEvent } from '../../../src/services/events.service';
import { makeDesk, newKey } from '../../factories/contact.factory';
import { makeOrganisation } from '../../factories/organisation.factory';
import { makeUser } from '../../factories/user.factory';
import { useTestContext } from '../../helpers/test-context';

const t = useTestContext();
const hub = new EventHub();
const got: LiveEvent[] = [];
let org: OrganisationRow;

async function waitFor(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

beforeAll(async () => {
  await hub.start(t.ctx.database);
  hub.subscribe((e) => got.push(e));
  org = await makeOrganisation(t.ctx, { countryCode: 'GR' });
  await makeDesk(t.ctx, { organisationId: org.id });
});
afterAll(async () => {
  await hub.stop();
});

describe('live contact events', () => {
  it('announces a created and an updated contact to listeners, with ids only', async () => {
    const operator = { principal: (await makeUser(t.ctx, { role: 'helpline_operator', organisationId: org.id })).principal, requestId: null };
    const c = await createContact(t.ctx, operator, { idempotencyKey: newKey(), channel: 'phone', notes: 'private words here', complete: false });
    await flushEvents(t.ctx.database);
    const heard = () => got.filter((e) => e.topic === 'contacts.changed' && e.ids?.includes(c.id));
    await waitFor(() => heard().length >= 1);
    expect(heard()[0]).toMatchObject({ organisationId: org.id, countryCode: 'GR' });
    expect(JSON.stringify(got)).not.toContain('private words');

    const before = heard().length;
    await updateContact(t.ctx, operator, c.id, { version: 1, region: 'Attica' });
    await flushEvents(t.ctx.database);
    await waitFor(() => heard().length > before);
    expect(heard().length).toBeGreaterThan(before);
  });

  it('announces nothing for a refused change', async () => {
    const operator = { principal: (await makeUser(t.ctx, { role: 'helpline_operator', organisationId: org.id })).principal, requestId: null };
    const c = await createContact(t.ctx, operator, { idempotencyKey: newKey(), channel: 'phone', complete: false });
    await flushEvents(t.ctx.database);
    await waitFor(() => got.some((e) => e.ids?.includes(c.id)));
    const count = () => got.filter((e) => e.ids?.includes(c.id)).length;
    const before = count();
    await expect(updateContact(t.ctx, operator, c.id, { version: 7, region: 'Stale' })).rejects.toMatchObject({ code: 'CONTACT_VERSION_CONFLICT' });
    await flushEvents(t.ctx.database);
    // A later, accepted change is heard: by then a stray event of the refused one would have arrived too.
    await updateContact(t.ctx, operator, c.id, { version: 1, region: 'Fresh' });
    await flushEvents(t.ctx.database);
    await waitFor(() => count() > before);
    expect(count()).toBe(before + 1);
  });
});
