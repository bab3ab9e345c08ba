// Locking an espace locks it in every tab and window of the app at once. BroadcastChannel rather than
// `storage` events: a storage event needs a value written to localStorage (a trace left on disk, readable
// by any page of the origin) and does not fire when the same value is written twice in a row, so two
// locks in a row would be lost; a channel carries each message, keeps nothing, and reaches every window
// of the origin, Electron's included. Each tab tags its messages, so it does not act on its own.

const CHANNEL_NAME = 'passerelle-lock';
const THIS_TAB = crypto.randomUUID();

export interface LockMessage {
  /** `lock`: someone clicked « Verrouiller » or the delay ran out; `protected`: a passphrase was just set. */
  type: 'lock' | 'protected';
  workspaceId: string;
}

interface Envelope extends LockMessage {
  from: string;
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.type === 'lock' || v.type === 'protected') && typeof v.workspaceId === 'string' && typeof v.from === 'string';
}

export function broadcastLock(message: LockMessage): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.postMessage({ ...message, from: THIS_TAB } satisfies Envelope);
  channel.close();
}

/** Calls `onMessage` for each lock message from another tab or window; returns the unsubscription. */
export function listenForLocks(onMessage: (message: LockMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (isEnvelope(data) && data.from !== THIS_TAB) onMessage({ type: data.type, workspaceId: data.workspaceId });
  };
  return () => channel.close();
}
