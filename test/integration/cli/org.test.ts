import { describe, expect, it } from 'vitest';
import { createBufferIo } from '../../../src/cli/cli-io';
import { describeError } from '../../../src/cli/cli-runtime';
import { runCli } from '../../../src/cli/cli-program';
import { createOrganisationCommand, listOrganisationsCommand } from '../../../src/cli/org.command';
import { createUserCommand } from '../../../src/cli/user.command';
import { listAuditEntries } from '../../../src/db/repos/audit.repo';
import { useTestContext } from '../../helpers/test-context';

const t = useTestContext();

async function run(fn: (io: ReturnType<typeof createBufferIo>) => Promise<number>) {
  const io = createBufferIo();
  try {
    return { code: await fn(io), out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  } catch (e) {
    const { lines, exitCode } = describeError(e);
    return { code: exitCode, out: io.stdout.join('\n'), err: lines.join('\n') };
  }
}

describe('victor org', () => {
  it('creates the first organisation of a fresh installation, then its administrator (both audited)', async () => {
    const created = await run((io) =>
      createOrganisationCommand(t.ctx, { name: 'Center for Missing and Exploited Children', country: 'hr', type: 'national_ngo', partnership: 'associate', city: 'Osijek' }, io),
    );
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/created organisation Center for Missing and Exploited Children \(HR\), id [0-9a-f-]{36}/);
    const admin = await run((io) =>
      createUserCommand(t.ctx, { email: 'first.admin@ngo.example', name: 'First Admin', role: 'administrator', organisation: 'Center for Missing and Exploited Children', password: 'a-long-enough-password' }, io),
    );
    expect(admin.code).toBe(0);
    const actions = (await listAuditEntries(t.ctx.database.db, { limit: 10, offset: 0 })).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['organisation.created', 'user.created', 'membership.added']));
    const listed = await run((io) => listOrganisationsCommand(t.ctx, {}, io));
    expect(listed.out).toMatch(/HR {2}associate {3}Center for Missing and Exploited Children/);
  });

  it('refuses bad input with usage errors and duplicates with a coded error', async () => {
    const bad = await run((io) => createOrganisationCommand(t.ctx, { name: 'X', country: 'Croatia', type: 'charity' }, io));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/countryCode/);
    const dup = await run((io) => createOrganisationCommand(t.ctx, { name: 'Center for Missing and Exploited Children', country: 'HR', type: 'national_ngo' }, io));
    expect(dup.code).toBe(1);
    expect(dup.err).toMatch(/ORGANISATION_EXISTS/);
  });

  it('is wired into the program with its options in --help', async () => {
    const io = createBufferIo();
    expect(await runCli(['org', 'create', '--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/--country <code>/);
  });
});
