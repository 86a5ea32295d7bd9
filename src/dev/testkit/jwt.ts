// Supabase-shaped access tokens for gateway tests: HS256 with the project secret, RS256/ES256 with
// keys published by a local JWKS server, and a corpus of tokens that must all be refused.
import { createServer, type Server } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

export const JWT_SECRET = 'test-secret-with-at-least-32-bytes-of-entropy-000';
export const SUPABASE_URL = 'http://supabase.test';
export const ISSUER = `${SUPABASE_URL}/auth/v1`;

export interface SignOptions {
  sub?: string;
  secret?: string | Uint8Array;
  /** Seconds from now; negative = already expired. */
  expiresIn?: number;
  notBefore?: number;
  aud?: string;
  iss?: string;
  role?: string;
  extra?: JWTPayload;
}

/** A user access token as Supabase Auth issues it (HS256 with the project's JWT secret). */
export async function userToken(opts: SignOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const secret = typeof opts.secret === 'string' || opts.secret === undefined ? new TextEncoder().encode(opts.secret ?? JWT_SECRET) : opts.secret;
  const jwt = new SignJWT({ role: opts.role ?? 'authenticated', aal: 'aal1', ...opts.extra })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(opts.sub ?? randomUUID())
    .setIssuer(opts.iss ?? ISSUER)
    .setAudience(opts.aud ?? 'authenticated')
    .setIssuedAt(now)
    .setExpirationTime(now + (opts.expiresIn ?? 3600));
  if (opts.notBefore !== undefined) jwt.setNotBefore(now + opts.notBefore);
  return jwt.sign(secret);
}

export interface AsymmetricKeys {
  rsa: { privateKey: CryptoKey; publicPem: string; kid: string };
  ec: { privateKey: CryptoKey; kid: string };
  jwksUrl: string;
  close(): Promise<void>;
}

/** RSA and EC signing keys with a JWKS endpoint serving their public halves. */
export async function asymmetricKeys(): Promise<AsymmetricKeys> {
  const rsa = await generateKeyPair('RS256', { extractable: true });
  const ec = await generateKeyPair('ES256', { extractable: true });
  const rsaJwk = { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' };
  const ecJwk = { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' };
  const body = JSON.stringify({ keys: [rsaJwk, ecJwk] });
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    rsa: { privateKey: rsa.privateKey, publicPem: await exportSPKI(rsa.publicKey), kid: 'rsa-1' },
    ec: { privateKey: ec.privateKey, kid: 'ec-1' },
    jwksUrl: `http://127.0.0.1:${port}/auth/v1/.well-known/jwks.json`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function asymmetricToken(key: CryptoKey, alg: 'RS256' | 'ES256', kid: string, opts: SignOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: 'authenticated', ...opts.extra })
    .setProtectedHeader({ alg, kid, typ: 'JWT' })
    .setSubject(opts.sub ?? randomUUID())
    .setIssuer(opts.iss ?? ISSUER)
    .setAudience(opts.aud ?? 'authenticated')
    .setIssuedAt(now)
    .setExpirationTime(now + (opts.expiresIn ?? 3600))
    .sign(key);
}

function b64url(s: string | Uint8Array): string {
  return Buffer.from(s).toString('base64url');
}

/** Every token here must be answered 401 with nothing written. */
export async function badTokens(keys: AsymmetricKeys): Promise<Array<{ name: string; token: string }>> {
  const sub = randomUUID();
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub, role: 'authenticated', aud: 'authenticated', iss: ISSUER, iat: now, exp: now + 3600 };
  const good = await userToken({ sub });
  const [h, p, s] = good.split('.') as [string, string, string];
  const tamperedPayload = b64url(JSON.stringify({ ...claims, sub: randomUUID() }));
  const otherRsa = await generateKeyPair('RS256');
  return [
    { name: 'alg none', token: `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}.` },
    { name: 'wrong HS256 secret', token: await userToken({ sub, secret: 'another-secret-that-is-also-32-bytes-long!!' }) },
    // The classic confusion: the RSA public key (which anyone may know) used as an HMAC secret.
    { name: 'HS/RS confusion', token: await userToken({ sub, secret: keys.rsa.publicPem }) },
    { name: 'RS256 signed by an unknown key', token: await asymmetricToken(otherRsa.privateKey, 'RS256', keys.rsa.kid, { sub }) },
    { name: 'expired', token: await userToken({ sub, expiresIn: -3600 }) },
    { name: 'not yet valid (nbf)', token: await userToken({ sub, notBefore: 3600 }) },
    { name: 'wrong audience', token: await userToken({ sub, aud: 'anon' }) },
    { name: 'wrong issuer', token: await userToken({ sub, iss: 'https://evil.example/auth/v1' }) },
    { name: 'tampered payload', token: `${h}.${tamperedPayload}.${s}` },
    { name: 'stripped signature', token: `${h}.${p}.` },
    { name: 'oversized', token: await userToken({ sub, extra: { pad: randomBytes(9000).toString('hex') } }) },
    { name: 'malformed', token: 'not-a-jwt' },
    { name: 'garbage segments', token: 'aaa.bbb.ccc' },
    {
      name: 'anon key (role anon, no sub)',
      token: await new SignJWT({ role: 'anon' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setAudience('authenticated')
        .setExpirationTime(now + 3600)
        .sign(new TextEncoder().encode(JWT_SECRET)),
    },
    { name: 'service role', token: await userToken({ sub, role: 'service_role' }) },
    {
      name: 'no role claim',
      token: await new SignJWT({ aal: 'aal1' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setIssuer(ISSUER)
        .setAudience('authenticated')
        .setExpirationTime(now + 3600)
        .sign(new TextEncoder().encode(JWT_SECRET)),
    },
    { name: 'sub not a uuid', token: await userToken({ sub: 'user-123' }) },
    { name: 'HS384 with the right secret', token: await new SignJWT(claims).setProtectedHeader({ alg: 'HS384' }).sign(new TextEncoder().encode(JWT_SECRET)) },
  ];
}

/** The environment a gateway needs in tests. */
export function gatewayTestEnv(databaseUrl: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    DATABASE_URL: databaseUrl,
    SUPABASE_URL,
    GATEWAY_JWT_SECRET: JWT_SECRET,
    ...extra,
  };
}
