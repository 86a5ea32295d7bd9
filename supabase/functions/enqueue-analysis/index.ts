// Supabase Edge Function entry: enqueue-analysis. The handler is shared with the daemon (src/gateway); this
// entry builds only the queue functions (src/gateway/queue.ts), so its bundle holds no AI routing and
// no handler code.
import { createQueueFunctions } from '../../../src/gateway/queue.ts';

const functions = createQueueFunctions({ env: (name) => Deno.env.get(name) });
const port = Deno.env.get('PORT');
Deno.serve(port ? { port: Number(port) } : {}, functions.handlers['enqueue-analysis']);
