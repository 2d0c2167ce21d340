/**
 * Test helper: validates XML against the official OASIS CAP 1.2 schema
 * (`../shared/reference/cap/schema/CAP-v1.2.xsd`) with libxml2's xmllint compiled to WebAssembly
 * (`xmllint-wasm`, offline, no network, no DTD loading).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

/** Directory of the shared CAP reference material (schema, corpus, expected.json). */
export const CAP_REFERENCE_DIR = fileURLToPath(new URL('../../../shared/reference/cap/', import.meta.url));

let schemaText: string | undefined;
function capSchema(): string {
  schemaText ??= readFileSync(`${CAP_REFERENCE_DIR}schema/CAP-v1.2.xsd`, 'utf8');
  return schemaText;
}

export interface XsdResult {
  valid: boolean;
  errors: string[];
}

/** Validates one document (text or raw bytes, any declared encoding) against CAP-v1.2.xsd. */
export async function validateAgainstCapXsd(xml: string | Uint8Array): Promise<XsdResult> {
  const [result] = await validateManyAgainstCapXsd([xml]);
  return result as XsdResult;
}

/**
 * Validates several documents in one xmllint run (much faster than one run each). Results are in
 * input order.
 */
export async function validateManyAgainstCapXsd(xmls: (string | Uint8Array)[]): Promise<XsdResult[]> {
  if (xmls.length === 0) return [];
  const files = xmls.map((contents, i) => ({ fileName: `doc${i}.xml`, contents }));
  const out = await validateXML({
    xml: files,
    schema: { fileName: 'CAP-v1.2.xsd', contents: capSchema() },
    modifyArguments: (args) => ['--nonet', ...args],
    maxMemoryPages: 1024,
  });
  return files.map(({ fileName }) => {
    const errors = out.errors
      .filter((e) => e.loc?.fileName === fileName || (e.loc === null && e.rawMessage.includes(fileName)))
      .map((e) => e.message);
    // xmllint prints "docN.xml validates" or "docN.xml fails to validate" for every file.
    const failed = new RegExp(`^${fileName.replace('.', '\\.')} fails to validate`, 'm').test(out.rawOutput) || errors.length > 0;
    return { valid: !failed, errors };
  });
}
