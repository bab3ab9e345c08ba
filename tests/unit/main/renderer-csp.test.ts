import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  net: { fetch: vi.fn(async (_url: string) => new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } })) },
  shell: { openExternal: vi.fn() },
}));
vi.mock('electron', () => electron);

import { CONTENT_SECURITY_POLICY, injectContentSecurityPolicy } from '../../../src/main/csp';
import { createAppProtocolHandler } from '../../../src/main/protocol';

// The CSP is written once (src/main/csp.ts): the build writes it into index.html's meta tag (for the
// browser host, whose static server sends no header of ours) and the app:// handler sends it as a header.
const sourceHtml = readFileSync(fileURLToPath(new URL('../../../src/renderer/index.html', import.meta.url)), 'utf8');
const indexHtml = injectContentSecurityPolicy(sourceHtml);
const rendererRoot = fileURLToPath(new URL('../../../src/renderer', import.meta.url));

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

  it('is sent by the app:// handler as a header identical to the meta tag', async () => {
    const response = await createAppProtocolHandler(rendererRoot)(new Request('app://passerelle/index.html'));
    const header = response.headers.get('content-security-policy');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(indexHtml)?.[1];
    expect(header).toBe(CONTENT_SECURITY_POLICY);
    expect(meta).toBe(header);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses an index.html that lost its placeholder or holds it twice', () => {
    expect(sourceHtml.split('%PASSERELLE_CSP%')).toHaveLength(2);
    expect(() => injectContentSecurityPolicy('<meta content="x">')).toThrow();
    expect(() => injectContentSecurityPolicy('%PASSERELLE_CSP% %PASSERELLE_CSP%')).toThrow();
  });

  it('comes before any script of the page, so it applies to all of them', () => {
    const head = indexHtml.slice(indexHtml.indexOf('<head>'));
    expect(head.indexOf('Content-Security-Policy')).toBeLessThan(head.indexOf('<script'));
  });
});
