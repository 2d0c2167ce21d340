import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBufferIo } from '../../../src/cli/cli-io';
import { buildProgram } from '../../../src/cli/cli-program';
import { exportKbCommand, importKbCommand } from '../../../src/cli/kb.command';
import { queryRows } from '../../../src/db/database';
import { makeOrganisation } from '../../factories/organisation.factory';
import { makePublishedArticle } from '../../factories/knowledge.factory';
import { useTestContext } from '../../helpers/test-context';
import { auditOf } from '../helpline/support';

const t = useTestContext();
let dir: string;
let orgName: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'victor-kb-'));
  const org = await makeOrganisation(t.ctx, { countryCode: 'RO' });
  orgName = org.name;
  await makePublishedArticle(t.ctx, { slug: 'cli-one', countryCode: 'RO', organisationId: org.id, translations: [{ lang: 'en', title: 'CLI one', bodyMd: 'One.' }, { lang: 'ro', title: 'CLI unu', bodyMd: 'Unu.' }] });
  await makePublishedArticle(t.ctx, { slug: 'cli-two', countryCode: null, organisationId: org.id, type: 'faq', translations: [{ lang: 'en', title: 'CLI two', bodyMd: 'Two.' }] });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('victor kb export / import', () => {
  it('is wired in the program', () => {
    const kb = buildProgram(async () => undefined).commands.find((c) => c.name() === 'kb')!;
    expect(kb.commands.map((c) => c.name())).toEqual(['export', 'import']);
  });

  it('exports a JSON bundle to a file and Markdown files to a directory', async () => {
    const io = createBufferIo();
    const file = join(dir, 'bundle.json');
    expect(await exportKbCommand(t.ctx, { format: 'json', out: file }, io)).toBe(0);
    const bundle = JSON.parse(await readFile(file, 'utf8'));
    expect(bundle.articles.map((a: { slug: string }) => a.slug)).toEqual(['cli-one', 'cli-two']);
    const md = createBufferIo();
    expect(await exportKbCommand(t.ctx, { format: 'markdown', out: join(dir, 'md'), langs: 'ro' }, md)).toBe(0);
    expect(await readdir(join(dir, 'md'))).toEqual(['cli-one.ro.md']);
    expect(await readFile(join(dir, 'md', 'cli-one.ro.md'), 'utf8')).toMatch(/^---\nslug: cli-one\nlang: ro\ntitle: CLI unu\n[\s\S]*---\n\nUnu\.\n$/);
    const stdout = createBufferIo();
    expect(await exportKbCommand(t.ctx, { format: 'json', type: 'faq' }, stdout)).toBe(0);
    expect(JSON.parse(stdout.stdout.join('\n')).articles).toHaveLength(1);
    await expect(exportKbCommand(t.ctx, { format: 'csv' }, createBufferIo())).rejects.toThrow(/--format/);
    await expect(exportKbCommand(t.ctx, { format: 'markdown' }, createBufferIo())).rejects.toThrow(/--out/);
    await expect(exportKbCommand(t.ctx, { format: 'json', langs: 'xx' }, createBufferIo())).rejects.toThrow(/invalid filter/);
    expect((await auditOf(t.ctx, 'knowledge.exported')).length).toBe(3);
  });

  it('imports a bundle with progress, as drafts owned by the given organisation', async () => {
    const file = join(dir, 'bundle.json');
    const bundle = JSON.parse(await readFile(file, 'utf8'));
    bundle.articles[0].translations[1].bodyMd = 'Unu, corectat.';
    bundle.articles.push({ slug: 'cli-new', type: 'faq', audience: 'public', countryCode: 'RO', translations: [{ lang: 'ro', title: 'Nou' }] });
    await writeFile(file, JSON.stringify(bundle), 'utf8');
    const io = createBufferIo();
    expect(await importKbCommand(t.ctx, { file, organisation: orgName }, io)).toBe(0);
    expect(io.stdout).toEqual(['unchanged cli-one (en)', 'updated   cli-one (ro)', 'unchanged cli-two (en)', 'created   cli-new (ro)']);
    expect(io.stderr.some((l) => l.startsWith('importing articles: 3/3'))).toBe(true);
    const [row] = await queryRows<{ status: string; published_revision: number; revision: number }>(t.ctx.database.db, sql`SELECT t.status, t.revision, t.published_revision FROM kb_translations t JOIN kb_articles a ON a.id = t.article_id WHERE a.slug = 'cli-one' AND t.lang = 'ro'`);
    expect(row).toMatchObject({ status: 'draft', revision: 2, published_revision: 1 });

    const mdFile = join(dir, 'md', 'cli-one.ro.md');
    expect(await importKbCommand(t.ctx, { file: mdFile }, createBufferIo())).toBe(0);
  });

  it('fails on a missing or invalid file, and exits 1 when an item failed', async () => {
    await expect(importKbCommand(t.ctx, { file: join(dir, 'missing.json') }, createBufferIo())).rejects.toThrow(/cannot read/);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"format":"other"}', 'utf8');
    await expect(importKbCommand(t.ctx, { file: bad }, createBufferIo())).rejects.toMatchObject({ code: 'IMPORT_INVALID' });
    const noOrg = join(dir, 'no-org.md');
    await writeFile(noOrg, '---\nslug: cli-no-org\nlang: en\ntitle: T\ntype: faq\naudience: public\ncountry: regional\n---\nBody', 'utf8');
    const io = createBufferIo();
    expect(await importKbCommand(t.ctx, { file: noOrg }, io)).toBe(1);
    expect(io.stdout[0]).toMatch(/^failed +cli-no-org \(en\): Choose the organisation/);
  });
});
