import { describe, expect, it } from 'vitest';
import { KillSwitch } from './kill-switch';

describe('KillSwitch', () => {
  it('passes a call through and keeps nothing once it settled', async () => {
    const k = new KillSwitch();
    await expect(k.race(Promise.resolve(7))).resolves.toBe(7);
    await expect(k.race(Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(k.pending).toBe(0);
  });

  it('rejects the calls in flight, and every later one, with the first reason', async () => {
    const k = new KillSwitch();
    const never = new Promise<number>(() => {});
    const a = k.race(never);
    const b = k.race(never);
    expect(k.pending).toBe(2);
    k.kill(new Error('terminated'));
    k.kill(new Error('again'));
    await expect(a).rejects.toThrow('terminated');
    await expect(b).rejects.toThrow('terminated');
    await expect(k.race(Promise.resolve(1))).rejects.toThrow('terminated');
    expect(k.pending).toBe(0);
  });
});
