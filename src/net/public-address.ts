// Which network addresses a user-supplied URL may reach. Image and document URLs come from users, so
// without this a job could make the daemon fetch from its own host (127.0.0.1:8080/metrics), the
// VPS's private network, Docker's bridge, or a cloud metadata service (169.254.169.254), and the
// job's error would tell the user what answered there. Every name is resolved here, every address
// judged, and the connection is then pinned to the judged address (no second lookup for a DNS
// rebinding to change). Node only (the worker side); the gateway never fetches user URLs.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { PermanentError } from '../errors.ts';

const blocked = new BlockList();
// IPv4: "this" network, RFC 1918, CGNAT (RFC 6598), loopback, link-local (cloud metadata lives at
// 169.254.169.254), IETF protocol assignments, documentation, benchmarking, multicast, reserved, broadcast.
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
// IPv6: unspecified, loopback, discard, documentation, ULA (fc00::/7, AWS's fd00:ec2::254 metadata
// included), link-local, old site-local, multicast.
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address embedded in an IPv6 one (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16), if any. */
function embeddedIpv4(v6: string): string | undefined {
  const lower = v6.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const groups = expandIpv6(lower);
  if (!groups) return undefined;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  // ::ffff:XXXX:XXXX
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return v4(groups[6]!, groups[7]!);
  // 64:ff9b::XXXX:XXXX
  if (groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) return v4(groups[6]!, groups[7]!);
  // 2002:AABB:CCDD::/48
  if (groups[0] === 0x2002) return v4(groups[1]!, groups[2]!);
  return undefined;
}

function expandIpv6(v6: string): number[] | undefined {
  if (v6.includes('.')) return undefined;
  const [head, tail] = v6.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined ? (tail ? tail.split(':') : []) : [];
  const fill = v6.includes('::') ? 8 - h.length - t.length : 0;
  const all = [...h, ...Array(fill).fill('0'), ...t];
  if (all.length !== 8) return undefined;
  return all.map((g) => parseInt(g, 16));
}

/** Whether an IP address is one a user URL must never reach. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
    const v4 = embeddedIpv4(bare);
    if (v4 !== undefined && blocked.check(v4, 'ipv4')) return true;
    return blocked.check(bare, 'ipv6');
  }
  // Not an IP at all: refuse rather than guess.
  return true;
}

export interface AddressPolicy {
  /** Non-empty: only these host names (lower case, exact) may be fetched. */
  allowHosts: readonly string[];
  /** Local development and tests only: private and loopback addresses are allowed. */
  allowPrivate: boolean;
  /** Injected by tests; dns.lookup otherwise. */
  resolve?: (host: string) => Promise<Array<{ address: string; family: number }>>;
  /** Injected by tests (a loopback test server must pass as "public"); isBlockedAddress otherwise. */
  isBlocked?: (address: string) => boolean;
}

/** The one error a user sees for any refused URL: it says nothing about what is, or is not, there. */
export function urlNotAllowed(detail: string): PermanentError {
  // The detail (which host, which address) stays in the cause: a refused URL's target is not for logs either.
  return new PermanentError('url_not_allowed', 'the file URL was refused by the address policy', {
    cause: new Error(detail),
    userMessage: 'o endereço do arquivo não é permitido; envie o arquivo em si ou um link do armazenamento do app',
  });
}

/**
 * The address to connect to for `url`, or url_not_allowed: the host must be on the allow-list when
 * there is one, and every address it resolves to must be public (one private answer among public
 * ones is refused too: the connection could otherwise be steered to it).
 */
export async function resolvePublicAddress(url: URL, policy: AddressPolicy): Promise<{ address: string; family: 4 | 6 }> {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (policy.allowHosts.length > 0 && !policy.allowHosts.includes(host)) throw urlNotAllowed(`host ${host} is not in MEDIA_URL_ALLOW_HOSTS`);
  let answers: Array<{ address: string; family: number }>;
  if (isIP(host)) answers = [{ address: host, family: isIP(host) }];
  else {
    try {
      answers = await (policy.resolve ?? ((h) => lookup(h, { all: true, verbatim: true })))(host);
    } catch (err) {
      throw urlNotAllowed(`host ${host} does not resolve: ${(err as Error).message}`);
    }
  }
  if (answers.length === 0) throw urlNotAllowed(`host ${host} has no address`);
  if (!policy.allowPrivate) {
    const blockedFn = policy.isBlocked ?? isBlockedAddress;
    const bad = answers.find((a) => blockedFn(a.address));
    if (bad) throw urlNotAllowed(`host ${host} resolves to the non-public address ${bad.address}`);
  }
  const first = answers[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
