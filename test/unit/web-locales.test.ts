import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ORGANISATION_TYPES, PARTNERSHIP_LEVELS } from '../../src/api/admin.schemas';
import { LOCALES } from '../../src/api/common.schemas';
import * as webEnums from '../../src/web/lib/enums';

const root = fileURLToPath(new URL('../..', import.meta.url));
const webDir = join(root, 'src/web');
const localesDir = join(webDir, 'locales');

type Catalogue = { [key: string]: string | Catalogue };

/** Flatten a nested catalogue to dotted keys. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function load(locale: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(join(localesDir, `${locale}.json`), 'utf8')) as Catalogue);
}

/** The {{placeholders}} of a message, sorted. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const en = load('en');

describe('web catalogues', () => {
  it('has one catalogue per interface language and nothing else', () => {
    const files = readdirSync(localesDir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...LOCALES].sort());
  });

  it('repeats the API enumerations exactly in src/web/lib/enums.ts', () => {
    expect([...webEnums.LOCALES]).toEqual([...LOCALES]);
    expect([...webEnums.ORGANISATION_TYPES]).toEqual([...ORGANISATION_TYPES]);
    expect([...webEnums.PARTNERSHIP_LEVELS]).toEqual([...PARTNERSHIP_LEVELS]);
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      let cached: Map<string, string> | undefined;
      const catalogue = {
        get map(): Map<string, string> {
          cached ??= load(locale);
          return cached;
        },
      };

      it('has exactly the keys of en', () => {
        const missing = [...en.keys()].filter((k) => !catalogue.map.has(k));
        const extra = [...catalogue.map.keys()].filter((k) => !en.has(k));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it('has no empty values', () => {
        const empty = [...catalogue.map].filter(([, v]) => v.trim() === '').map(([k]) => k);
        expect(empty).toEqual([]);
      });

      it('uses the same placeholders as en', () => {
        const wrong = [...en]
          .filter(([k, v]) => catalogue.map.has(k) && placeholders(catalogue.map.get(k) ?? '').join() !== placeholders(v).join())
          .map(([k]) => k);
        expect(wrong).toEqual([]);
      });

      if (locale === 'sr') {
        it('is written in Latin script', () => {
          const cyrillic = [...catalogue.map].filter(([, v]) => /[\u0400-\u04FF]/.test(v)).map(([k]) => k);
          expect(cyrillic).toEqual([]);
        });
      }
    });
  }
});

describe('web components', () => {
  const components = walk(webDir).filter((f) => f.endsWith('.tsx'));

  it('have no hard-coded text between JSX tags', () => {
    // Two or more letters between a tag's `>` (or a `}`) and the next tag are text outside t().
    const other = "[^<>{}\\[\\]`'\"=;()|&]*?";
    const text = `[\\p{L}\\p{N}]${other}\\p{L}${other}`;
    const afterTag = new RegExp(`>\\s*(${text})\\s*(?=<|\\{)`, 'gu');
    const afterExpression = new RegExp(`\\}\\s*(${text})\\s*(?=</)`, 'gu');
    const offenders: string[] = [];
    for (const file of components) {
      const source = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/=>/g, ' ');
      for (const match of [...source.matchAll(afterTag), ...source.matchAll(afterExpression)]) {
        offenders.push(`${relative(root, file)}: ${(match[1] ?? '').trim()}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('use only keys that exist in en', () => {
    const missing: string[] = [];
    for (const file of walk(webDir).filter((f) => /\.tsx?$/.test(f))) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([\w.]+)'/g)) {
        const key = match[1] ?? '';
        if (!en.has(key)) missing.push(`${relative(root, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
