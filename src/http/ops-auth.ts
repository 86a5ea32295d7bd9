// Who may read the operator endpoints (/health/detailed, /metrics, /dashboard). They show host
// names, internal URLs, models and queue contents, so they are not for the open internet:
// - OPS_TOKEN set: `Authorization: Bearer <token>` (Prometheus, curl), or the dashboard's session
//   cookie that a person gets by typing the token once into the dashboard's login form.
// - OPS_TOKEN unset: loopback clients only (an operator on the box, `curl 127.0.0.1`). A request that
//   came through a proxy (Forwarded / X-Forwarded-For present) is not loopback even when the proxy
//   sits on the same host: otherwise every visitor of a local nginx would count as local.
// /health (liveness, no details) is never guarded.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const OPS_COOKIE = 'ai_worker_ops';
/** The session cookie lives 12 hours; typing the token again after that is the price of a leaked cookie expiring. */
export const OPS_COOKIE_MAX_AGE_SECONDS = 12 * 3600;

export type OpsDenial = { status: 401 | 403; code: 'ops_token_required' | 'ops_token_invalid' | 'ops_loopback_only'; message: string };

/** 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase();
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice('::ffff:'.length) : a;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * Equal-time comparison of a presented secret with the expected one. Both are hashed first so the
 * comparison takes the same time whatever the presented length (timingSafeEqual needs equal lengths,
 * and an early return on length would tell an attacker the token's length).
 */
export function secretsEqual(presented: string, expected: string): boolean {
  const a = createHmac('sha256', 'ai-worker-ops-compare').update(presented).digest();
  const b = createHmac('sha256', 'ai-worker-ops-compare').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * The cookie value for a browser session: an HMAC of the token, not the token itself, so a cookie
 * read from a browser profile cannot be replayed as the Prometheus bearer token. Rotating OPS_TOKEN
 * invalidates every session.
 */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('ai-worker dashboard session v1').digest('base64url');
}

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return undefined;
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(h);
  return m ? m[1] : undefined;
}

export function readCookie(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** undefined = allowed; otherwise why not. */
export function checkOps(req: FastifyRequest, token: string | undefined): OpsDenial | undefined {
  if (token === undefined) {
    const proxied = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
    if (!proxied && isLoopbackAddress(req.socket.remoteAddress)) return undefined;
    return { status: 403, code: 'ops_loopback_only', message: 'operator endpoints answer loopback clients only while OPS_TOKEN is unset' };
  }
  const presented = bearer(req);
  if (presented !== undefined) {
    return secretsEqual(presented, token) ? undefined : { status: 401, code: 'ops_token_invalid', message: 'the bearer token does not match OPS_TOKEN' };
  }
  const cookie = readCookie(req, OPS_COOKIE);
  if (cookie !== undefined && secretsEqual(cookie, sessionValue(token))) return undefined;
  return { status: 401, code: 'ops_token_required', message: 'send Authorization: Bearer <OPS_TOKEN>' };
}

/** A fastify preHandler that answers 401/403 with a machine-readable code, or lets the request through. */
export function opsGuard(token: string | undefined) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const denied = checkOps(req, token);
    if (!denied) return;
    if (denied.status === 401) reply.header('www-authenticate', 'Bearer realm="ai-worker ops"');
    return reply
      .code(denied.status)
      .header('cache-control', 'no-store')
      .send({ error: { code: denied.code, message: denied.message } });
  };
}

/** Set-Cookie for a successful dashboard login; Secure when the request arrived over https. */
export function sessionCookie(req: FastifyRequest, token: string): string {
  const https = req.protocol === 'https' || req.headers['x-forwarded-proto'] === 'https';
  return `${OPS_COOKIE}=${sessionValue(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${OPS_COOKIE_MAX_AGE_SECONDS}${https ? '; Secure' : ''}`;
}

export function clearedCookie(): string {
  return `${OPS_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
}
