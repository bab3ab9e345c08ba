import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The CSP is a meta tag in the renderer's index.html: with the page served from app://, there are no
// response headers of our own to carry it. Vite copies the tag into the build unchanged.
const indexHtml = readFileSync(fileURLToPath(new URL('../../../src/renderer/index.html', import.meta.url)), 'utf8');

function contentSecurityPolicy(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\b[^>]*>/gi)].map((match) => match[0]);
  const cspMetas = metas.filter((meta) => /http-equiv\s*=\s*["']Content-Security-Policy["']/i.test(meta));
  expect(cspMetas, 'exactly one CSP meta tag').toHaveLength(1);
  const content = /content\s*=\s*"([^"]*)"/i.exec(cspMetas[0] ?? '')?.[1];
  expect(content, 'the CSP meta tag has a content').toBeDefined();
  const directives = new Map<string, string[]>();
  for (const directive of (content ?? '').split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

describe('Content-Security-Policy of the renderer', () => {
  const csp = contentSecurityPolicy(indexHtml);

  it("only loads the app's own resources by default", () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('runs no inline or evaluated script', () => {
    const scriptSources = csp.get('script-src') ?? csp.get('default-src') ?? [];
    expect(scriptSources).toContain("'self'");
    expect(scriptSources).not.toContain("'unsafe-inline'");
    expect(scriptSources).not.toContain("'unsafe-eval'");
    expect(scriptSources.some((source) => /^(https?:|\*|data:|blob:)/.test(source))).toBe(false);
  });

  it('allows no plugins', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });

  it('comes before any script of the page, so it applies to all of them', () => {
    const head = indexHtml.slice(indexHtml.indexOf('<head>'));
    expect(head.indexOf('Content-Security-Policy')).toBeLessThan(head.indexOf('<script'));
  });
});
