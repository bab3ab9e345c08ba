// Records hold Blobs (signed agreements, attachments) that JSON cannot carry: they travel as base64 under
// a marker key, and come back as Blobs of the same type, byte for byte.

const BLOB_MARKER = '$passerelleBlob';

interface EncodedBlob {
  [BLOB_MARKER]: { type: string; base64: string };
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function isEncodedBlob(value: object): value is EncodedBlob {
  return BLOB_MARKER in value;
}

/**
 * Turns every Blob inside `value` into its base64 form; everything else is kept as it is. Most records
 * hold no Blob at all: they are returned untouched, without a copy or a promise per value (an espace of
 * ten years holds hundreds of thousands of values, and one promise each made a backup take seconds).
 */
export async function encodeValue(value: unknown): Promise<unknown> {
  if (!containsBlob(value)) return value;
  if (value instanceof Blob) {
    return { [BLOB_MARKER]: { type: value.type, base64: bytesToBase64(new Uint8Array(await value.arrayBuffer())) } };
  }
  if (Array.isArray(value)) {
    const encoded: unknown[] = [];
    for (const item of value) encoded.push(await encodeValue(item));
    return encoded;
  }
  const entries: [string, unknown][] = [];
  for (const [k, v] of Object.entries(value as object)) entries.push([k, await encodeValue(v)]);
  return Object.fromEntries(entries);
}

export function containsBlob(value: unknown): boolean {
  if (value instanceof Blob) return true;
  if (Array.isArray(value)) return value.some(containsBlob);
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) if (containsBlob(v)) return true;
  }
  return false;
}

export function decodeValue(value: unknown): unknown {
  // As for encoding: only what holds an encoded file is copied; other records come back as they are.
  if (!containsEncodedBlob(value)) return value;
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value !== null && typeof value === 'object') {
    if (isEncodedBlob(value)) {
      const { type, base64 } = value[BLOB_MARKER];
      return new Blob([base64ToBytes(base64)], { type });
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeValue(v)]));
  }
  return value;
}

function containsEncodedBlob(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsEncodedBlob);
  if (value !== null && typeof value === 'object') {
    if (isEncodedBlob(value)) return true;
    for (const v of Object.values(value)) if (containsEncodedBlob(v)) return true;
  }
  return false;
}
