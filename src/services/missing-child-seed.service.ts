/**
 * Demo missing-child cases (invented children, never real people), created through the real use-cases
 * as the demo staff would: a girl feared abducted in Greece (with a drawn placeholder photo), a runaway
 * boy in Romania who was found, and a child missing in migration in Bulgaria referred to Romania.
 */
import { deflateSync } from 'node:zlib';
import { consentInputSchema } from '../api/cases.schemas';
import { missingReportCreateSchema } from '../api/missing-children.schemas';
import * as usersRepo from '../db/repos/user.repo';
import type { Principal } from '../domain/access/scope';
import { recordConsent } from './case.service';
import { uploadDocument } from './case-document.service';
import { getCase } from './case-read.service';
import { actOnMissingReport, openMissingChildCase, referMissingChildAbroad, setMissingPhoto } from './missing-child.service';
import type { Actor, ServiceContext } from './context';

const HOUR = 3_600_000;

async function actorFor(ctx: ServiceContext, userIds: Map<string, string>, email: string): Promise<Actor | null> {
  const userId = userIds.get(email);
  if (!userId) return null;
  const memberships = await usersRepo.listMembershipsOfUsers(ctx.database.db, [userId]);
  const principal: Principal = { userId, memberships };
  return { principal, requestId: 'demo-seed' };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A placeholder "photo": a grey silhouette (head and shoulders) on a pale blue background, drawn in code
 * as an 8-bit RGB PNG. Clearly not a face; it only lets the photo flow be shown.
 */
export function drawPlaceholderPortrait(width = 160, height = 200): Buffer {
  const rows: Buffer[] = [];
  const cx = width / 2;
  const headY = height * 0.36;
  const headR = width * 0.2;
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    row[0] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const inHead = (x - cx) ** 2 + (y - headY) ** 2 <= headR ** 2;
      const shoulderTop = height * 0.62;
      const inShoulders = y >= shoulderTop && ((x - cx) / (width * 0.42)) ** 2 + ((y - height) / (height - shoulderTop)) ** 2 <= 1;
      const [r, g, b] = inHead || inShoulders ? [120, 128, 140] : [214, 228, 240];
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.concat(rows))), pngChunk('IEND', Buffer.alloc(0))]);
}

/** Create the demo missing-child cases; returns their case ids (newest first). */
export async function seedDemoMissingChildren(ctx: ServiceContext, ids: { orgIds: Map<string, string>; userIds: Map<string, string> }): Promise<string[]> {
  const supervisorGr = await actorFor(ctx, ids.userIds, 'supervisor.gr@victor.example');
  const caseManagerRo = await actorFor(ctx, ids.userIds, 'casemanager.ro@victor.example');
  // Helpline operators read cases but do not open them (cases.write); the Bulgarian desk's demo case is
  // opened for it by the regional coordinator, whose scope covers the region.
  const regional = await actorFor(ctx, ids.userIds, 'regional@victor.example');
  const nadja = ids.orgIds.get('nadja');
  const roDesk = ids.orgIds.get('sc-ro');
  if (!supervisorGr || !caseManagerRo) return [];
  const now = Date.now();
  const created: string[] = [];

  // 1. BG: a child missing in migration, referred to the Romanian 116 000 desk.
  if (regional && nadja) {
    const bg = await openMissingChildCase(
      ctx,
      regional,
      missingReportCreateSchema.parse({
        organisationId: nadja,
        reportedAt: new Date(now - 30 * HOUR).toISOString(),
        child: { givenName: 'Samir', familyName: 'Demo', ageYears: 14, gender: 'male', nationality: 'AF', languages: ['ps'] },
        missingType: 'missing_migration',
        lastSeen: { at: new Date(now - 40 * HOUR).toISOString(), place: 'Reception centre, Harmanli (demo)', country: 'BG', lat: 41.93, lon: 25.9, circumstances: 'Left the reception centre at night with two older boys; said he wanted to reach his uncle in Germany (demo).' },
        description: 'Slim, short black hair, green hooded jacket, grey trainers (demo).',
        police: { reported: true, at: new Date(now - 30 * HOUR).toISOString(), reference: 'DEMO-BG-1182' },
        suspectedCountries: ['RS'],
      }),
    );
    created.push(bg.caseId);
    const caseVersion = (await getCase(ctx, regional, bg.caseId)).version;
    await recordConsent(ctx, regional, bg.caseId, consentInputSchema.parse({ given: true, givenBy: 'legal_representative', coversReferral: true, coversTransfer: true, note: 'Given by the appointed representative of the unaccompanied child (demo).', version: caseVersion }));
    if (roDesk) await referMissingChildAbroad(ctx, regional, bg.caseId, { toOrganisationId: roDesk, note: 'He may try to cross into Romania on the way north.' });
  }

  // 2. RO: a runaway boy, found and back home.
  const ro = await openMissingChildCase(
    ctx,
    caseManagerRo,
    missingReportCreateSchema.parse({
      reportedAt: new Date(now - 26 * HOUR).toISOString(),
      child: { givenName: 'Matei', familyName: 'Demo', ageYears: 15, gender: 'male', nationality: 'RO', languages: ['ro'] },
      missingType: 'runaway',
      lastSeen: { at: new Date(now - 28 * HOUR).toISOString(), place: 'Home, Cluj-Napoca (demo)', country: 'RO', circumstances: 'Left after an argument at home, phone switched off (demo).' },
      description: 'Tall, curly brown hair, black hoodie with a white logo (demo).',
      police: { reported: true, at: new Date(now - 25 * HOUR).toISOString(), reference: 'DEMO-CJ-3321' },
    }),
  );
  created.push(ro.caseId);
  await actOnMissingReport(ctx, caseManagerRo, ro.caseId, { action: 'found', foundAt: new Date(now - 4 * HOUR).toISOString(), outcome: 'returned_home', condition: 'unharmed', note: 'Stayed two nights with a friend; a family meeting with the social worker is planned (demo).', version: ro.version });

  // 3. GR: a 12-year-old girl, criminal abduction suspected, reported to the police and in SIS.
  const gr = await openMissingChildCase(
    ctx,
    supervisorGr,
    missingReportCreateSchema.parse({
      reportedAt: new Date(now - 2 * HOUR).toISOString(),
      child: { givenName: 'Ariadne', familyName: 'Demo', ageYears: 12, gender: 'female', nationality: 'GR', languages: ['el', 'en'] },
      missingType: 'criminal_abduction',
      lastSeen: { at: new Date(now - 3 * HOUR).toISOString(), place: 'Near the White Tower, Thessaloniki', country: 'GR', lat: 40.63, lon: 22.95, circumstances: 'Seen getting into a dark blue car with a man she did not know after school (demo).' },
      description: 'About 1.50 m, long brown hair in a ponytail, yellow raincoat, purple school backpack (demo).',
      police: { reported: true, at: new Date(now - 2 * HOUR).toISOString(), reference: 'DEMO-THE-0457' },
      sis: { reported: true, at: new Date(now - 1 * HOUR).toISOString() },
      suspectedCountries: ['MK', 'BG'],
    }),
  );
  created.push(gr.caseId);
  const photo = await uploadDocument(ctx, supervisorGr, gr.caseId, { fileName: 'placeholder-silhouette.png', declaredType: 'image/png', bytes: drawPlaceholderPortrait(), kind: 'identity' });
  await setMissingPhoto(ctx, supervisorGr, gr.caseId, { documentId: photo.id, version: gr.version });

  return created.reverse();
}
