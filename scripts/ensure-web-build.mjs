// Build the web UI when dist/web is missing or older than any file under src/web (used by `npm start`).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const index = 'dist/web/index.html';
const sources = ['src/web', 'src/api', 'src/domain'].filter(existsSync);
const stale = !existsSync(index) || Math.max(...sources.map(newest)) > statSync(index).mtimeMs;
if (stale) {
  process.stdout.write('Building the web interface (vite build)…\n');
  execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
}
