// Local verification of Supabase access tokens (no round trip to GoTrue). The algorithm is chosen by
// the kind of key we hold, never by the token alone: HS256 only against GATEWAY_JWT_SECRET, RS256
// and ES256 only against keys from the project's JWKS — the set the Edge Runtime injects
// (SUPABASE_JWKS) first, then the JWKS URL (https only) for a key it does not hold. A token that
// says HS256 is never checked with a public key (the HS/RS confusion), and `none` or any other
// algorithm is refused before any work.
import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import type { GatewayConfig } from './config.ts';
import { HttpError, UUID_RE } from './http.ts';

export interface AuthUser {
  /** The verified `sub`: the only user id the gateway ever writes. */
  id: string;
  /** The verified claims, handed to Postgres as request.jwt.claims for RLS. */
  claims: JWTPayload;
}

const ASYMMETRIC = new Set(['RS256', 'ES256']);

export class TokenVerifier {
  private readonly secret: Uint8Array | undefined;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | undefined;
  private readonly localJwks: ReturnType<typeof createLocalJWKSet> | undefined;

  constructor(
    private readonly config: Pick<GatewayConfig, 'jwtSecret' | 'jwksUrl' | 'jwtIssuer' | 'jwtAudience' | 'jwtClockSkewSeconds' | 'maxTokenBytes'> &
      Partial<Pick<GatewayConfig, 'injectedJwks'>>,
  ) {
    this.secret = config.jwtSecret ? new TextEncoder().encode(config.jwtSecret) : undefined;
    // Fetched lazily on the first asymmetric token and cached by jose; bounded so a slow auth
    // server costs a request at most this long.
    this.jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 1_500, cooldownDuration: 30_000 }) : undefined;
    this.localJwks = config.injectedJwks ? createLocalJWKSet(config.injectedJwks as unknown as JSONWebKeySet) : undefined;
  }

  /** Injected keys first (no round trip); the URL only for a key they do not hold (a rotation). */
  private async verifyAsymmetric(token: string, options: Parameters<typeof jwtVerify>[2]): Promise<JWTPayload> {
    if (this.localJwks) {
      try {
        return (await jwtVerify(token, this.localJwks, options)).payload;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (!this.jwks || (code !== 'ERR_JWKS_NO_MATCHING_KEY' && code !== 'ERR_JWKS_MULTIPLE_MATCHING_KEYS')) throw err;
      }
    }
    return (await jwtVerify(token, this.jwks!, options)).payload;
  }

  /** The user behind `Authorization: Bearer <jwt>`, or a 401 HttpError saying what is wrong (never echoing the token). */
  async verify(authorization: string | null): Promise<AuthUser> {
    const m = /^Bearer ([^\s]+)$/i.exec(authorization?.trim() ?? '');
    if (!m) throw unauthorized('missing_token', 'send Authorization: Bearer <access token>');
    const token = m[1]!;
    if (token.length > this.config.maxTokenBytes) throw unauthorized('invalid_token', 'the token is too large');
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw unauthorized('invalid_token', 'the token is malformed');
    }
    const options = {
      issuer: this.config.jwtIssuer,
      audience: this.config.jwtAudience,
      clockTolerance: this.config.jwtClockSkewSeconds,
      requiredClaims: ['exp', 'sub'],
    };
    let payload: JWTPayload;
    try {
      if (alg === 'HS256' && this.secret) {
        payload = (await jwtVerify(token, this.secret, { ...options, algorithms: ['HS256'] })).payload;
      } else if (alg !== undefined && ASYMMETRIC.has(alg) && (this.jwks || this.localJwks)) {
        payload = await this.verifyAsymmetric(token, { ...options, algorithms: [alg] });
      } else {
        throw unauthorized('invalid_token', 'the token algorithm is not accepted');
      }
    } catch (err) {
      if (err instanceof HttpError) throw err;
      const code = (err as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw unauthorized('token_expired', 'the token has expired');
      throw unauthorized('invalid_token', 'the token could not be verified');
    }
    const sub = payload.sub;
    if (typeof sub !== 'string' || !UUID_RE.test(sub)) throw unauthorized('invalid_token', 'the token subject is not a user id');
    // A user token says role authenticated; an anon or service key, or a token that names no role,
    // must not pass as a user.
    if (payload.role !== 'authenticated') throw unauthorized('invalid_token', 'the token is not a user token');
    return { id: sub.toLowerCase(), claims: payload };
  }
}

function unauthorized(code: 'missing_token' | 'invalid_token' | 'token_expired', message: string): HttpError {
  return new HttpError(401, code, message, { headers: { 'WWW-Authenticate': 'Bearer' } });
}
