import { describe, expect, it } from 'vitest';
import { createIdleWaiter } from '../../../src/lib/idle-waiter';

describe('idle waiter', () => {
  it('wake ends every current pause at once', async () => {
    const idle = createIdleWaiter();
    let ended = 0;
    const pauses = [idle.wait(60_000).then(() => ended++), idle.wait(60_000).then(() => ended++)];
    await Promise.resolve();
    expect(ended).toBe(0);
    idle.wake();
    await Promise.all(pauses);
    expect(ended).toBe(2);
  });

  it('remembers a wake that came between pauses, once', async () => {
    const idle = createIdleWaiter();
    idle.wake();
    await idle.wait(60_000); // returns at once: the wake was pending
    let ended = false;
    const next = idle.wait(20).then(() => (ended = true));
    await Promise.resolve();
    expect(ended).toBe(false); // the pending wake was used up
    await next;
    expect(ended).toBe(true);
  });
});
