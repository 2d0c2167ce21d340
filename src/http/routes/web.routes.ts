import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors';

/**
 * Serve the built web UI: files from `webDist`, and index.html for any other non-API GET so the
 * client router can take over. Without a build, API only (with a hint on `/`).
 */
export async function registerWebRoutes(app: FastifyInstance, webDist: string | undefined): Promise<void> {
  const root = webDist ? resolve(webDist) : undefined;
  const indexPath = root ? join(root, 'index.html') : undefined;
  const indexHtml = indexPath && existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : undefined;
  if (root && indexHtml) await app.register(fastifyStatic, { root, serve: false });

  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = (request.params as { '*': string })['*'] ?? '';
    if (request.url.startsWith('/api/') || request.url === '/api') {
      throw new AppError('ROUTE_NOT_FOUND', `No route GET ${request.url.split('?')[0]}.`);
    }
    if (!root || !indexHtml) {
      return reply.type('text/plain; charset=utf-8').send('Victor API is running. The web UI is not built: run `npm run build:web`.');
    }
    const clean = normalize(path).replace(/^(\.\.(\/|\\|$))+/, '');
    const file = join(root, clean);
    if (clean && file.startsWith(root) && existsSync(file) && statSync(file).isFile()) {
      const immutable = clean.startsWith('assets/');
      return reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(clean);
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  });

  app.setNotFoundHandler(async (request) => {
    throw new AppError('ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`);
  });
}
