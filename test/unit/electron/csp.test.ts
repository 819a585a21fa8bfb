import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../host/csp';

const BUILT_INDEX = path.resolve(__dirname, '../../../out/renderer/index.html');

function cspFromHtml(html: string): string {
  const meta = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i);
  if (!meta) throw new Error('the page has no Content-Security-Policy meta tag');
  return meta[1]!;
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('Content-Security-Policy of the built renderer', () => {
  const html = fs.existsSync(BUILT_INDEX) ? fs.readFileSync(BUILT_INDEX, 'utf8') : '';

  it('the build exists (npm test builds before testing)', () => {
    expect(html, `${BUILT_INDEX} is missing: run npm run build`).not.toBe('');
  });

  it('matches the policy the app protocol sends', () => {
    expect(directives(cspFromHtml(html))).toEqual(directives(CONTENT_SECURITY_POLICY));
  });

  it('allows no eval, no inline script and no network', () => {
    const csp = directives(cspFromHtml(html));
    for (const [name, values] of csp) {
      expect(values, name).not.toContain("'unsafe-eval'");
      expect(values, name).not.toContain("'unsafe-inline'");
      expect(values.some((v) => /^(https?:|wss?:|\*)/.test(v)), `${name} allows a remote origin`).toBe(false);
    }
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });

  it('the built page has no inline script', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="/);
      expect(body!.trim()).toBe('');
    }
  });
});
