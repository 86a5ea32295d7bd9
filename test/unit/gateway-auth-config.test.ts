// The gateway's deployable settings: GATEWAY_* names (Supabase will not take SUPABASE_* secrets),
// deprecated aliases, the issuer under `supabase functions serve`, the injected SUPABASE_JWKS before
// any fetch, JWKS over https only, user tokens only, and which database URL wins. Unit tests: no
// database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { ConfigError } from '../../src/errors.ts';
import { TokenVerifier } from '../../src/gateway/auth.ts';
import { readGatewayConfig } from '../../src/gateway/config.ts';
import { envFromRecord } from '../../src/env/reader.ts';
import { HttpError } from '../../src/gateway/http.ts';
import { asymmetricToken, JWT_SECRET, userToken } from '../support/jwt.ts';

const read = (env: Record<string, string | undefined>) => readGatewayConfig(envFromRecord(env));
const problems = (env: Record<string, string | undefined>): string[] => {
  try {
    read(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

async function refusal(verifier: TokenVerifier, token: string): Promise<string> {
  const err = await verifier.verify(`Bearer ${token}`).then(
    () => assert.fail('the token was accepted'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof HttpError);
  assert.equal(err.status, 401);
  return err.code;
}

test('GATEWAY_JWT_SECRET with GATEWAY_JWT_ISSUER authenticates under `supabase functions serve`', async () => {
  // There SUPABASE_URL is the internal gateway, while tokens carry the public local issuer.
  const local = 'http://127.0.0.1:54321/auth/v1';
  const serve = { SUPABASE_URL: 'http://kong:8000', GATEWAY_JWT_SECRET: JWT_SECRET };
  const token = await userToken({ iss: local });

  const fixed = read({ ...serve, GATEWAY_JWT_ISSUER: local });
  assert.equal(fixed.jwtIssuer, local);
  assert.deepEqual(fixed.deprecated, []);
  const user = await new TokenVerifier(fixed).verify(`Bearer ${token}`);
  assert.match(user.id, /^[0-9a-f-]{36}$/);

  // Without it the issuer is derived from SUPABASE_URL, and the same token is refused.
  const derived = read(serve);
  assert.equal(derived.jwtIssuer, 'http://kong:8000/auth/v1');
  assert.equal(await refusal(new TokenVerifier(derived), token), 'invalid_token');
  // The JWKS URL derived from an internal http address is not used (https only).
  assert.equal(derived.jwksUrl, undefined);
});

test('the old SUPABASE_* names still work, each reported as deprecated; the new name wins', async () => {
  const old = read({
    SUPABASE_URL: 'https://p.supabase.co',
    SUPABASE_JWT_SECRET: JWT_SECRET,
    SUPABASE_JWT_ISSUER: 'https://issuer.test/auth/v1',
    SUPABASE_JWKS_URL: 'https://p.supabase.co/keys',
  });
  assert.equal(old.jwtSecret, JWT_SECRET);
  assert.equal(old.jwtIssuer, 'https://issuer.test/auth/v1');
  assert.equal(old.jwksUrl, 'https://p.supabase.co/keys');
  assert.equal(old.deprecated.length, 3);
  for (const name of ['SUPABASE_JWT_SECRET', 'SUPABASE_JWT_ISSUER', 'SUPABASE_JWKS_URL']) {
    assert.ok(
      old.deprecated.some((l) => l.startsWith(`${name} is deprecated`)),
      name,
    );
  }
  const both = read({ SUPABASE_URL: 'https://p.supabase.co', SUPABASE_JWT_SECRET: 'x'.repeat(40), GATEWAY_JWT_SECRET: JWT_SECRET });
  assert.equal(both.jwtSecret, JWT_SECRET);
  assert.deepEqual(both.deprecated, []);
  assert.match(problems({ SUPABASE_URL: 'https://p.supabase.co', GATEWAY_JWT_SECRET: 'short' }).join('\n'), /GATEWAY_JWT_SECRET must be at least 32 bytes/);
});

test('a JWKS URL must be https; plain http only on loopback', () => {
  const base = { SUPABASE_URL: 'https://p.supabase.co' };
  for (const url of ['http://auth.example/jwks.json', 'http://10.0.0.5/jwks.json', 'ftp://auth.example/jwks.json']) {
    assert.match(problems({ ...base, GATEWAY_JWKS_URL: url }).join('\n'), /GATEWAY_JWKS_URL must be an https URL/, url);
  }
  assert.match(problems({ ...base, GATEWAY_JWKS_URL: 'not a url' }).join('\n'), /not a valid URL/);
  for (const url of ['https://auth.example/jwks.json', 'http://127.0.0.1:9999/jwks.json', 'http://localhost/jwks.json', 'http://[::1]:80/jwks.json']) {
    assert.equal(read({ ...base, GATEWAY_JWKS_URL: url }).jwksUrl, url);
  }
});

test('tokens without role authenticated are refused', async () => {
  const verifier = new TokenVerifier(read({ SUPABASE_URL: 'http://supabase.test', GATEWAY_JWT_SECRET: JWT_SECRET }));
  const now = Math.floor(Date.now() / 1000);
  const noRole = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(randomUUID())
    .setIssuer('http://supabase.test/auth/v1')
    .setAudience('authenticated')
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode(JWT_SECRET));
  assert.equal(await refusal(verifier, noRole), 'invalid_token');
  assert.equal(await refusal(verifier, await userToken({ role: 'anon' })), 'invalid_token');
  assert.equal(await refusal(verifier, await userToken({ role: 'service_role' })), 'invalid_token');
  await verifier.verify(`Bearer ${await userToken()}`);
});

test('SUPABASE_JWKS (injected by the Edge Runtime) is used before fetching; the URL only for a key it lacks', async () => {
  const injected = await generateKeyPair('ES256', { extractable: true });
  const rotated = await generateKeyPair('RS256', { extractable: true });
  let fetches = 0;
  const server = createServer(async (_req, res) => {
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [{ ...(await exportJWK(rotated.publicKey)), kid: 'new', alg: 'RS256', use: 'sig' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as { port: number }).port;
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(injected.publicKey)), kid: 'old', alg: 'ES256', use: 'sig' }] });
    const config = read({ SUPABASE_URL: 'http://supabase.test', SUPABASE_JWKS: jwks, GATEWAY_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` });
    const verifier = new TokenVerifier(config);
    const sub = randomUUID();
    const user = await verifier.verify(`Bearer ${await asymmetricToken(injected.privateKey, 'ES256', 'old', { sub })}`);
    assert.equal(user.id, sub);
    assert.equal(fetches, 0, 'an injected key needs no fetch');
    await verifier.verify(`Bearer ${await asymmetricToken(rotated.privateKey, 'RS256', 'new')}`);
    assert.equal(fetches, 1, 'a key the injected set lacks is fetched');

    // With only the injected set (no URL), asymmetric tokens verify and unknown keys are refused.
    const only = new TokenVerifier(read({ GATEWAY_JWT_ISSUER: 'http://supabase.test/auth/v1', SUPABASE_JWKS: jwks }));
    await only.verify(`Bearer ${await asymmetricToken(injected.privateKey, 'ES256', 'old')}`);
    assert.equal(await refusal(only, await asymmetricToken(rotated.privateKey, 'RS256', 'new')), 'invalid_token');
    assert.equal(fetches, 1);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  assert.match(problems({ SUPABASE_URL: 'https://p.supabase.co', SUPABASE_JWKS: '{"nope":1}' }).join('\n'), /SUPABASE_JWKS is not a JSON Web Key Set/);
});

test('GATEWAY_DATABASE_URL wins over SUPABASE_DB_URL, which wins over DATABASE_URL; 2 connections per isolate by default', () => {
  const base = { SUPABASE_URL: 'https://p.supabase.co', GATEWAY_JWT_SECRET: JWT_SECRET };
  const all = {
    ...base,
    GATEWAY_DATABASE_URL: 'postgres://gw@pooler:6543/postgres',
    SUPABASE_DB_URL: 'postgres://sb@db:5432/postgres',
    DATABASE_URL: 'postgres://local@127.0.0.1:5432/postgres',
  };
  assert.equal(read(all).databaseUrl, all.GATEWAY_DATABASE_URL);
  assert.equal(read({ ...all, GATEWAY_DATABASE_URL: undefined }).databaseUrl, all.SUPABASE_DB_URL);
  assert.equal(read({ ...all, GATEWAY_DATABASE_URL: undefined, SUPABASE_DB_URL: undefined }).databaseUrl, all.DATABASE_URL);
  assert.equal(read(base).db.poolMax, 2);
  assert.match(problems({ ...base, GATEWAY_DATABASE_URL: 'mysql://x' }).join('\n'), /GATEWAY_DATABASE_URL/);
});
