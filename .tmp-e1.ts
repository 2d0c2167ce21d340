import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import fs from 'node:fs';
const dir = process.argv[2]!;
let fsyncs = 0, fdatasyncs = 0;
class D extends NodeFS {
  override async init(pg: any, opts: any) {
    const r = await super.init(pg, opts);
    const orig = r.emscriptenOpts.instantiateWasm;
    r.emscriptenOpts.instantiateWasm = (imports: any, cb: any) => {
      console.log('import keys', Object.keys(imports), typeof imports.env.__syscall_fdatasync, typeof imports.wasi_snapshot_preview1?.fd_sync, imports.env === imports.wasi_snapshot_preview1);
      const o = imports.env.__syscall_fdatasync;
      imports.env.__syscall_fdatasync = (fd: number) => { fdatasyncs++; return o(fd); };
      console.log('patched?', imports.env.__syscall_fdatasync !== o);
      return orig(imports, cb);
    };
    r.emscriptenOpts.preRun = [...r.emscriptenOpts.preRun, (mod: any) => {
      mod.NODEFS.stream_ops.fsync = (stream: any) => { fsyncs++; fs.fsyncSync(stream.nfd); return 0; };
    }];
    return r;
  }
}
const params = PGlite.defaultStartParams.filter((p) => p !== '-F');
const t0 = Date.now();
const pg = new PGlite({ fs: new D(dir), startParams: [...params, '-c', 'fsync=on'], relaxedDurability: false });
await pg.waitReady;
console.log('ready', Date.now() - t0, 'ms', { fsyncs, fdatasyncs });
for (const s of ['fsync', 'wal_sync_method', 'synchronous_commit', 'full_page_writes', 'data_sync_retry', 'wal_level']) console.log(s, (await pg.query<any>(`show ${s}`)).rows[0]);
await pg.exec('create table if not exists t(id int)');
const b = { fsyncs, fdatasyncs };
for (let i = 0; i < 10; i++) await pg.query('insert into t values ($1)', [i]);
console.log('10 inserts', { fsyncs: fsyncs - b.fsyncs, fdatasyncs: fdatasyncs - b.fdatasyncs });
await pg.exec('checkpoint');
console.log('after checkpoint', { fsyncs, fdatasyncs });
await pg.close();
console.log('closed', { fsyncs, fdatasyncs });
