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

export async function encodeValue(value: unknown): Promise<unknown> {
  if (value instanceof Blob) {
    return { [BLOB_MARKER]: { type: value.type, base64: bytesToBase64(new Uint8Array(await value.arrayBuffer())) } };
  }
  if (Array.isArray(value)) return Promise.all(value.map(encodeValue));
  if (value !== null && typeof value === 'object') {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await encodeValue(v)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

export function decodeValue(value: unknown): unknown {
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
