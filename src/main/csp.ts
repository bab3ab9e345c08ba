/**
 * The renderer's Content-Security-Policy, written once. The `app://` protocol handler sends it as a
 * response header, and the build writes the same text into index.html's meta tag (electron.vite.config.ts),
 * so the browser host — served by a plain static server without our headers — gets the same policy. A
 * header also covers what a meta tag cannot (it applies from the first byte, and to every response).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // http(s): the espace's sync server (issue 20), an address the person types in Réglages — a CouchDB on
  // the centre social's server, a NAS or a laptop of the local network. Scripts stay 'self' only.
  "connect-src 'self' blob: data: https: http:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The placeholder index.html carries where the build writes the policy. */
export const CSP_PLACEHOLDER = '%PASSERELLE_CSP%';

/** index.html with the policy in its meta tag; throws if the placeholder is missing or repeated. */
export function injectContentSecurityPolicy(html: string, policy: string = CONTENT_SECURITY_POLICY): string {
  const parts = html.split(CSP_PLACEHOLDER);
  if (parts.length !== 2) throw new Error(`index.html must hold ${CSP_PLACEHOLDER} exactly once.`);
  return parts.join(policy);
}
