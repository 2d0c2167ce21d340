import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * Vite build of the Victor web shell. The HTML entry lives in src/web; the output goes to dist/web,
 * which the API server serves with an SPA fallback. In development, /api is proxied to the server.
 */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  css: { postcss: fileURLToPath(new URL('./', import.meta.url)) },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 700,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.VICTOR_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false },
      '/readyz': { target: process.env.VICTOR_API_URL ?? 'http://127.0.0.1:3000' },
    },
  },
});
