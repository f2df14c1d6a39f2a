import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metaPolicy } from './csp-meta';

describe('the CSP as a meta tag', () => {
  it("is _headers' policy without what a meta policy cannot carry", () => {
    const headers = readFileSync(new URL('../public/_headers', import.meta.url), 'utf8');
    const policy = metaPolicy(headers);
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("worker-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('frame-ancestors');
    expect(policy).not.toContain("'unsafe-eval'");
    // Inline style attributes only (CodeMirror positions its layers with them), never <style> or script.
    expect(policy).toMatch(/style-src 'self'; style-src-attr 'unsafe-inline'/);
  });
  it('refuses a headers file without a policy', () => {
    expect(() => metaPolicy('/*\n  X-Frame-Options: DENY\n')).toThrow(/no Content-Security-Policy/);
  });
});
