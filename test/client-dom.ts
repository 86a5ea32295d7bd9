// A browser-like global environment for React tests under node:test: happy-dom's window (jsdom's
// current line needs Node 22). Node's own fetch and the `ws` WebSocket are kept, so supabase-js
// talks to the real local stack instead of happy-dom's simulated network (which applies CORS).
// Import this module first in a test file.
import { GlobalRegistrator } from '@happy-dom/global-registrator';
import WebSocket from 'ws';

const keep = { fetch, Request, Response, Headers, AbortController, AbortSignal, FormData, Blob, URL, URLSearchParams, TextEncoder, TextDecoder };
GlobalRegistrator.register({ url: 'http://127.0.0.1/', width: 1024, height: 768 });
Object.assign(globalThis, keep, { WebSocket });
// React's act() environment flag: tells React this is a test and act() is in use.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export async function unregisterDom(): Promise<void> {
  await GlobalRegistrator.unregister();
}
