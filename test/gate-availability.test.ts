import { describe, expect, it } from 'vitest';
import { Availability } from '../src/db/availability.js';
import { Gate, GateRefused } from '../src/db/gate.js';

describe('Gate: bounded places and a bounded queue', () => {
  it('grants up to max places, queues up to maxQueued, refuses the rest at once', async () => {
    const gate = new Gate(2, 1);
    const first = await gate.acquire(1000);
    const second = await gate.acquire(1000);
    const third = gate.acquire(1000);
    await expect(gate.acquire(1000)).rejects.toEqual(new GateRefused('queue-full'));
    expect(gate.stats).toEqual({ inUse: 2, waiting: 1, max: 2 });
    first();
    const releaseThird = await third;
    expect(gate.stats).toEqual({ inUse: 2, waiting: 0, max: 2 });
    second();
    releaseThird();
    expect(gate.stats).toEqual({ inUse: 0, waiting: 0, max: 2 });
  });

  it('refuses a waiter whose wait runs out, and releasing twice frees one place only', async () => {
    const gate = new Gate(1);
    const release = await gate.acquire(0);
    await expect(gate.acquire(10)).rejects.toEqual(new GateRefused('timeout'));
    expect(gate.stats.waiting).toBe(0);
    release();
    release();
    expect(gate.stats.inUse).toBe(0);
    const again = await gate.acquire(0);
    expect(gate.stats.inUse).toBe(1);
    again();
  });
});

describe('Availability: one state change per incident', () => {
  it('goes down on a reported failure, comes back when the probe answers, and tells each change once', async () => {
    let answering = false;
    const availability = new Availability({
      probe: async () => {
        if (!answering) throw new Error('connection refused');
      },
      downIntervalMs: 5,
    });
    const changes: unknown[] = [];
    availability.onChange((change) => changes.push(change));
    availability.reportFailure('connection refused');
    availability.reportFailure('connection refused');
    expect(availability.state).toBe('down');
    await availability.check();
    expect(availability.state).toBe('down');
    answering = true;
    await expect.poll(() => availability.state).toBe('up');
    availability.stop();
    expect(changes).toEqual([{ state: 'down', reason: 'connection refused' }, { state: 'up' }]);
  });

  it('does not call a busy database down while its queries are being answered', async () => {
    const availability = new Availability({
      probe: async () => {
        throw new Error('no answer within 2000 ms');
      },
    });
    for (let i = 0; i < 3; i += 1) {
      availability.reportSuccess();
      await availability.check();
    }
    expect(availability.state).toBe('up');
    await availability.check();
    await availability.check();
    expect(availability.state).toBe('down');
    availability.stop();
  });

  it('needs two failed probes in a row to call an up database down', async () => {
    const availability = new Availability({
      probe: async () => {
        throw new Error('no answer within 2000 ms');
      },
    });
    await availability.check();
    expect(availability.state).toBe('up');
    await availability.check();
    expect(availability.state).toBe('down');
    availability.stop();
  });
});
