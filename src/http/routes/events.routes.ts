import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PERMISSIONS, type Permission } from '../../domain/access/roles';
import { canAccessRecord, type Principal } from '../../domain/access/scope';
import type { EventHub, LiveEvent } from '../../services/events.service';

/** Topic prefix → the permission a listener needs to hear it (e.g. contacts.* → contacts.read). */
function permissionForTopic(topic: string): Permission | null {
  const area = topic.split('.')[0];
  const wanted = `${area}.read`;
  return (PERMISSIONS as readonly string[]).includes(wanted) ? (wanted as Permission) : null;
}

/** True when the principal may hear this event: it holds the topic's read permission in scope. */
export function canReceiveEvent(principal: Principal, event: LiveEvent): boolean {
  const permission = permissionForTopic(event.topic);
  if (!permission) return false;
  return canAccessRecord(principal, permission, { organisationId: event.organisationId ?? null, countryCode: event.countryCode ?? null });
}

/**
 * GET /api/events: a Server-Sent Events stream of live updates this user may see. Events come
 * from PostgreSQL NOTIFY, so a change committed through any app node reaches every node's streams.
 */
export async function registerEventRoutes(
  app: FastifyInstance,
  hub: EventHub,
  revalidate: (request: FastifyRequest) => Promise<boolean>,
  keepAliveMs = 25_000,
): Promise<void> {
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  app.get('/api/events', { config: { access: 'authenticated' }, schema: { tags: ['live'], summary: 'Live updates (Server-Sent Events)' } }, (request, reply) => {
    const principal = request.auth!.principal;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-request-id': request.id,
      'x-accel-buffering': 'no',
    });
    res.write(': connected\n\n');
    const unsubscribe = hub.subscribe((event) => {
      if (canReceiveEvent(principal, event)) res.write(`event: ${event.topic}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    // Every keepAliveMs (25 s): keep the connection open, and end it once the session or token is no longer valid
    // (signed out, expired, disabled) — on whichever node that happened.
    const keepAlive = setInterval(() => {
      revalidate(request)
        .then((ok) => (ok ? res.write(': keep-alive\n\n') : end()))
        .catch(() => end());
    }, keepAliveMs).unref();
    const end = () => {
      clearInterval(keepAlive);
      unsubscribe();
      open.delete(end);
      if (!res.writableEnded) res.end();
    };
    open.add(end);
    request.raw.on('close', end);
  });
}
