// Supabase Edge Function entry: whatsapp-ai-assistant. The handler is shared with the daemon (src/gateway); its
// synchronous path uses the worker's handler set when that loads in this isolate (see
// docs/gateway.md, "Sync path on Deno"), else sync requests are enqueued.
import { loadBundledRunInline } from '../../../src/gateway/bundled.ts';
import { createGateway } from '../../../src/gateway/index.ts';

const gateway = createGateway({
  env: (name) => Deno.env.get(name),
  loadRunInline: async () => (await loadBundledRunInline(Deno.env.toObject()))?.runInline,
});
const port = Deno.env.get('PORT');
Deno.serve(port ? { port: Number(port) } : {}, gateway.handlers['whatsapp-ai-assistant']);
