// Real IndexedDB semantics in Node for repository tests.
import 'fake-indexeddb/auto';
