// Serves the gateway's edge functions from the daemon at /functions/v1/<name>, the path Supabase
// uses, so `supabase.functions.invoke` works against a local ai-worker. Requests are passed to the
// web-standard handlers as they arrived: the body stays an unparsed stream (the gateway enforces
// its own size limit on the bytes read, and the WhatsApp signature is computed over the raw bytes).
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Gateway } from '../gateway/index.ts';

export const FUNCTIONS_PREFIX = '/functions/v1';

/**
 * The request stream as a web stream. Cancelling it (the gateway stops at its size limit) discards
 * the rest instead of destroying the socket, so the client still receives the 413.
 */
function webBody(stream: Readable): { body: ReadableStream<Uint8Array>; discard(): void } {
  let cancelled = false;
  const discard = () => {
    cancelled = true;
    stream.resume();
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      stream.pause();
      stream.on('data', (chunk: Buffer) => {
        if (cancelled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) stream.pause();
      });
      stream.once('end', () => !cancelled && controller.close());
      stream.once('error', (err) => !cancelled && controller.error(err));
    },
    pull() {
      stream.resume();
    },
    cancel: discard,
  });
  return { body, discard };
}

function toWebRequest(req: FastifyRequest): { request: Request; discard(): void } {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.raw.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const url = `http://${req.headers.host ?? '127.0.0.1'}${req.raw.url ?? req.url}`;
  const stream = req.body instanceof Readable ? webBody(req.body) : undefined;
  // duplex 'half' is required by undici for a streamed request body.
  const request = new Request(url, { method: req.method, headers, body: stream?.body, duplex: 'half' } as RequestInit);
  return { request, discard: () => stream?.discard() };
}

async function send(reply: FastifyReply, res: Response): Promise<FastifyReply> {
  reply.code(res.status);
  res.headers.forEach((value, name) => {
    // fastify computes its own length for the buffer it sends.
    if (name !== 'content-length') reply.header(name, value);
  });
  return reply.send(Buffer.from(await res.arrayBuffer()));
}

/** Mounts every gateway function; call before the server listens. */
export function registerFunctions(app: FastifyInstance, gateway: Gateway): void {
  void app.register(async (scope) => {
    // Only within this plugin: hand the body over unread, whatever its type.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    const handle = async (req: FastifyRequest<{ Params: { name: string } }>, reply: FastifyReply) => {
      const { request, discard } = toWebRequest(req);
      const res = await gateway.handle(req.params.name, request);
      // A body the gateway never read (405, 401, 415…) must still leave the socket, or the next
      // request on this keep-alive connection would wait behind it forever.
      discard();
      return send(reply, res);
    };
    // Every method reaches the gateway, so an unsupported one gets its 405 with CORS headers, as on Supabase.
    scope.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], url: `${FUNCTIONS_PREFIX}/:name`, handler: handle });
  });
}
