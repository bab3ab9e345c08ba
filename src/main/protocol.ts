import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net } from 'electron';
import { APP_HOST, APP_SCHEME } from '../preload/api';
import { CONTENT_SECURITY_POLICY } from './csp';
import { hasControlCharacter } from './security';

/**
 * Maps `app://passerelle/<path>` to a file inside `rendererRoot`, or null when the request is for another
 * origin or could reach outside the folder. The renderer is served this way rather than from `file://`
 * so that it gets a stable origin of its own (IndexedDB data belongs to it) without file:// privileges.
 */
export function resolveAppPath(rendererRoot: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;

  // Decoded one segment at a time: an encoded `/` or `\` (`%2f`, `%5c`) inside a segment is an attempt
  // to smuggle a separator, never a real asset name. Plain and `%2e` dot segments have already been
  // resolved by the URL parser, so any `..` left here came out of decoding.
  const segments: string[] = [];
  for (const rawSegment of url.pathname.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return null;
    }
    if (segment === '') continue;
    if (segment === '.' || segment === '..') return null;
    // A colon would name a drive or an alternate data stream on Windows.
    if (/[/\\:]/.test(segment) || hasControlCharacter(segment)) return null;
    segments.push(segment);
  }
  if (url.pathname === '' || url.pathname.endsWith('/')) segments.push('index.html');

  const root = resolve(rendererRoot);
  const filePath = join(root, ...segments);
  const fromRoot = relative(root, filePath);
  if (fromRoot === '' || fromRoot.split(sep)[0] === '..' || isAbsolute(fromRoot)) return null;
  return filePath;
}

function notFound(): Response {
  return new Response('Introuvable', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * The same response with the CSP (identical to index.html's meta tag) and `nosniff` added. A new Response:
 * the headers of one net.fetch returns may be immutable.
 */
function withSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
  headers.set('x-content-type-options', 'nosniff');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * The `app:` protocol handler. Files are read through `net.fetch(file://…)` so Chromium sets the MIME type
 * (module scripts are refused without a JavaScript one) and streams large assets.
 */
export function createAppProtocolHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Méthode non autorisée', { status: 405 });
    }
    const filePath = resolveAppPath(rendererRoot, request.url);
    if (filePath === null) return notFound();
    // A directory would be answered by Chromium with a listing of its files.
    const stats = await stat(filePath).catch(() => null);
    if (stats === null || !stats.isFile()) return notFound();
    return withSecurityHeaders(await net.fetch(pathToFileURL(filePath).toString()));
  };
}
