// A worker instance's death, raced by every call in flight. Each call registers its own
// rejecter and removes it when it settles: racing one long-lived pending promise instead
// (Promise.race([call, killed])) keeps every settled call's reaction, and all it captured,
// alive for the instance's whole life (about 200 promises per run in the soak).

export class KillSwitch {
  private why: Error | null = null;
  private readonly waiting = new Set<(e: Error) => void>();

  /** Rejects every call in flight, and every later one, with `why` (the first reason wins). */
  kill(why: Error): void {
    if (this.why) return;
    this.why = why;
    for (const reject of this.waiting) reject(why);
    this.waiting.clear();
  }

  /** `p`, unless the instance is killed first. */
  race<T>(p: Promise<T>): Promise<T> {
    if (this.why) return Promise.reject(this.why);
    return new Promise<T>((resolve, reject) => {
      this.waiting.add(reject);
      p.then(resolve, reject).finally(() => this.waiting.delete(reject));
    });
  }

  /** Calls waiting on it now (for tests: a settled call leaves nothing behind). */
  get pending(): number {
    return this.waiting.size;
  }
}
