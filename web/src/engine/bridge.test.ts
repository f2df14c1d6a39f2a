// The bridge's own logic with a stand-in worker (Comlink over a MessageChannel), since what is
// under test is ordering, stale-reply checks and terminate, not a runtime.
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { RuntimeWorkerApi, SampleReply, SampleRequest } from '../shared/protocol';
import { WorkerBridge, liveWorkers } from './bridge';

const log: string[] = [];
let replyRunId: (req: SampleRequest) => number = (req) => req.runId;
let hang = false;

class FakeWorker extends EventTarget {
  terminated = false;
  private port: MessagePort;
  constructor() {
    super();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const api: RuntimeWorkerApi = {
      init: async () => ({ runtime: 'rust', coldMs: { wasmInit: 1 }, info: {} }),
      sample: async (req): Promise<SampleReply> => {
        log.push(`start ${req.runId}`);
        await new Promise((r) => setTimeout(r, 5));
        if (hang) await new Promise(() => {});
        log.push(`end ${req.runId}`);
        return { runId: replyRunId(req), ok: true, ms: 1, batch: 1, output: { canonical: '1', kind: 'text' }, work: '0000000000000001' };
      },
      shard: async () => ({ runId: 0, ok: false, failure: { kind: 'param', message: 'no', dead: false } }),
      timerTick: async () => 0.005,
      fault: async () => ({ runId: -1, ok: false, failure: { kind: 'panic', message: 'boom', dead: true } }),
    };
    Comlink.expose(api, port2);
  }
  postMessage(m: unknown, t?: Transferable[]): void {
    this.port.postMessage(m, t ?? []);
  }
  override addEventListener(type: string, l: EventListenerOrEventListenerObject | null): void {
    if (type === 'message') this.port.addEventListener('message', l as EventListener);
    else super.addEventListener(type, l);
    this.port.start();
  }
  override removeEventListener(type: string, l: EventListenerOrEventListenerObject | null): void {
    if (type === 'message') this.port.removeEventListener('message', l as EventListener);
    else super.removeEventListener(type, l);
  }
  terminate(): void {
    this.terminated = true;
    this.port.close();
  }
}

function bridge(idleReapMs = 60_000): WorkerBridge {
  return new WorkerBridge('rust', { baseUrl: 'http://localhost/', spawn: () => new FakeWorker() as unknown as Worker, idleReapMs });
}

const req = (runId: number): SampleRequest => ({ runId, workload: 'fib', params: { n: 1 }, batch: 1 });

afterEach(() => {
  log.length = 0;
  replyRunId = (r) => r.runId;
  hang = false;
});

describe('WorkerBridge', () => {
  it('runs calls one at a time, in order', async () => {
    const b = bridge();
    await Promise.all([b.sample(req(1)), b.sample(req(2)), b.sample(req(3))]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    b.terminate();
  });

  it('rejects a reply that answers another run', async () => {
    const b = bridge();
    replyRunId = (r) => r.runId + 1;
    await expect(b.sample(req(7))).rejects.toThrow('malformed reply');
    b.terminate();
  });

  it('terminates a worker whose instance died, and starts a fresh one for the next call', async () => {
    const b = bridge();
    const before = liveWorkers();
    await b.start();
    expect(b.generation).toBe(1);
    expect(liveWorkers()).toBe(before + 1);
    const reply = await b.fault('panic');
    expect(reply.ok).toBe(false);
    expect(b.started).toBe(false);
    expect(b.restarts).toBe(1);
    expect(liveWorkers()).toBe(before);
    expect((await b.sample(req(2))).ok).toBe(true);
    expect(liveWorkers()).toBe(before + 1);
    expect(b.generation).toBe(2);
    b.terminate();
  });

  it('cancel() without an interrupt buffer terminates the call in flight', async () => {
    const b = bridge();
    await b.start();
    hang = true;
    const pending = b.sample(req(5));
    await new Promise((r) => setTimeout(r, 20));
    expect(await b.cancel()).toBe('terminated');
    await expect(pending).rejects.toThrow('stopped');
    expect(await b.cancel()).toBe('idle');
  });

  it('reaps a worker that was started (prewarmed) and never called', async () => {
    const b = bridge(30);
    const before = liveWorkers();
    await b.start();
    await b.start(); // idempotent: the same worker
    expect(b.generation).toBe(1);
    expect(liveWorkers()).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 80));
    expect(b.started).toBe(false);
    expect(b.restarts).toBe(0);
    expect(liveWorkers()).toBe(before);
  });
});
