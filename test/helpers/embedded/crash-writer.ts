/**
 * Child process for the crash-durability test: open a data directory and insert rows forever,
 * printing `ack <id>` for each row only after its commit has returned. The test SIGKILLs it.
 * Every seventh step commits three rows in one transaction. Ids start at <firstId>.
 * Usage: node --import tsx crash-writer.ts <dataDir> <firstId>
 */
import { openEmbeddedDatabase } from '../../../src/db/embedded/open-embedded';

const [dataDir, firstId] = process.argv.slice(2);
const db = await openEmbeddedDatabase({ dataDir: dataDir!, role: 'test' });
await db.client.exec('CREATE TABLE IF NOT EXISTS acks (id bigint PRIMARY KEY, payload text NOT NULL)');
process.stdout.write('ready\n');

const payload = 'x'.repeat(400);
let id = Number(firstId);
for (let step = 1; ; step++) {
  if (step % 7 === 0) {
    const ids = [id, id + 1, id + 2];
    await db.client.transaction(async (tx) => {
      for (const i of ids) await tx.query('INSERT INTO acks VALUES ($1, $2)', [i, payload]);
    });
    // Pipes are synchronous on Linux: a line written here reaches the parent even if we die next.
    process.stdout.write(ids.map((i) => `ack ${i}\n`).join(''));
    id += 3;
  } else {
    await db.client.query('INSERT INTO acks VALUES ($1, $2)', [id, payload]);
    process.stdout.write(`ack ${id}\n`);
    id += 1;
  }
}
