/**
 * `victor kb export` and `victor kb import`: knowledge-base articles for translators, as a JSON bundle
 * (victor-kb/1) or Markdown files with a YAML front matter. Imports save draft revisions only.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportQuerySchema } from '../api/knowledge.schemas';
import { SYSTEM_ACTOR, type ServiceContext } from '../services/context';
import { exportBundle, exportMarkdownFiles, importArticles, parseBundleText } from '../services/knowledge-transfer.service';
import type { CliIo } from './cli-io';
import { EXIT, UsageError } from './cli-runtime';
import { resolveOrganisation } from './user.command';

/** Options of `victor kb export`. */
export interface KbExportArgs {
  format: string;
  /** Comma-separated languages. */
  langs?: string;
  /** A country code or `regional`. */
  country?: string;
  type?: string;
  /** `published` (default) or `working`. */
  source?: string;
  /** JSON: a file (default: stdout). Markdown: a directory (required). */
  out?: string;
}

/** Options of `victor kb import`. */
export interface KbImportArgs {
  file: string;
  /** Owner of articles the file creates: id, name or short name. */
  organisation?: string;
}

/** Export articles as a JSON bundle or as one Markdown file per translation (audited). */
export async function exportKbCommand(ctx: ServiceContext, args: KbExportArgs, io: CliIo): Promise<number> {
  if (args.format !== 'json' && args.format !== 'markdown') throw new UsageError('--format must be json or markdown');
  const query = exportQuerySchema.safeParse({
    ...(args.langs ? { langs: args.langs } : {}),
    ...(args.country ? { country: args.country } : {}),
    ...(args.type ? { type: args.type } : {}),
    ...(args.source ? { source: args.source } : {}),
  });
  if (!query.success) throw new UsageError(`invalid filter: ${query.error.issues.map((i) => `${i.path.join('.') || 'filter'}: ${i.message}`).join('; ')}`);
  if (args.format === 'json') {
    const bundle = await exportBundle(ctx, SYSTEM_ACTOR, query.data);
    const text = `${JSON.stringify(bundle, null, 2)}\n`;
    if (args.out) {
      await writeFile(args.out, text, 'utf8');
      io.err(`exported ${bundle.articles.length} articles to ${args.out}`);
    } else {
      io.out(text.trimEnd());
    }
    return EXIT.ok;
  }
  if (!args.out) throw new UsageError('--format markdown needs --out <directory>');
  const files = await exportMarkdownFiles(ctx, SYSTEM_ACTOR, query.data);
  await mkdir(args.out, { recursive: true });
  for (const f of files) {
    const path = join(args.out, f.filename);
    await writeFile(path, f.text, 'utf8');
    io.out(path);
  }
  io.err(`exported ${files.length} translations to ${args.out}`);
  return EXIT.ok;
}

/** Import a JSON bundle (.json) or one Markdown translation (.md) as draft revisions, with progress. */
export async function importKbCommand(ctx: ServiceContext, args: KbImportArgs, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(args.file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${args.file}`);
  }
  const markdown = /\.(md|markdown)$/i.test(args.file);
  const input = markdown ? ({ format: 'markdown', text } as const) : ({ format: 'json', bundle: parseBundleText(text) } as const);
  const organisationId = args.organisation ? (await resolveOrganisation(ctx, args.organisation)).id : undefined;
  const total = input.format === 'json' ? input.bundle.articles.length : 1;
  const progress = io.progress('importing articles', total);
  let result;
  try {
    result = await importArticles(ctx, SYSTEM_ACTOR, input, { organisationId, onProgress: (done) => progress.update(done) });
  } finally {
    progress.stop();
  }
  for (const r of result.results) io.out(`${r.outcome.padEnd(9)} ${r.slug}${r.lang ? ` (${r.lang})` : ''}${r.message ? `: ${r.message}` : ''}`);
  const failed = result.results.filter((r) => r.outcome === 'failed').length;
  io.err(`${result.results.length - failed} translations imported as drafts, ${failed} failed`);
  return failed ? EXIT.failure : EXIT.ok;
}
