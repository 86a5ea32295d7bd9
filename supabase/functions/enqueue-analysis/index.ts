// Supabase Edge Function entry: enqueue-analysis. The handler is shared with the daemon (src/gateway).
import { createGateway } from '../../../src/gateway/index.ts';

const gateway = createGateway({ env: (name) => Deno.env.get(name) });
const port = Deno.env.get('PORT');
Deno.serve(port ? { port: Number(port) } : {}, gateway.handlers['enqueue-analysis']);
