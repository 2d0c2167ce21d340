import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/database';
import { claimNextJob, completeJob, failJob, insertJob, type JobRow } from '../db/repos/job.repo';
import type { ServiceContext } from './context';

/** Handles one kind of job. Throwing schedules a retry with exponential back-off. */
export type JobHandler = (ctx: ServiceContext, payload: Record<string, unknown>, job: JobRow) => Promise<void>;

/** Queue a job in the caller's transaction. */
export async function enqueueJob(tx: Db, kind: string, payload: Record<string, unknown> = {}, opts: { runAt?: Date; maxAttempts?: number } = {}): Promise<number> {
  return insertJob(tx, kind, payload, opts.runAt, opts.maxAttempts);
}

/** Back-off before retry n (1-based): 2 s, 4 s, 8 s … capped at 10 minutes. */
export function computeRetryDelayMs(attempt: number): number {
  return Math.min(600_000, 1000 * 2 ** attempt);
}

/**
 * A worker that any app node runs: it polls the jobs table, claims with SKIP LOCKED, runs the
 * handler, and records the outcome. Jobs live in the database, so they survive restarts and are
 * shared across nodes.
 */
export class JobWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly handlers: Record<string, JobHandler>,
    private readonly pollMs = 2000,
  ) {}

  /** Run due jobs until none is left; returns how many ran. */
  async drain(): Promise<number> {
    let n = 0;
    while (!this.stopped) {
      const job = await claimNextJob(this.ctx.database.db, this.id, Object.keys(this.handlers));
      if (!job) break;
      n += 1;
      try {
        await this.handlers[job.kind]!(this.ctx, job.payload, job);
        await completeJob(this.ctx.database.db, job.id);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        this.ctx.logger.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts }, 'job failed');
        await failJob(this.ctx.database.db, job.id, message, computeRetryDelayMs(job.attempts));
      }
    }
    return n;
  }

  /** Start polling. */
  start(): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.drain()
        .then(() => undefined)
        .catch((err: unknown) => this.ctx.logger.warn({ err: { message: (err as Error).message } }, 'job worker poll failed'))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(tick, this.pollMs).unref();
        });
    };
    tick();
  }

  /** Stop polling and wait for the job in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
