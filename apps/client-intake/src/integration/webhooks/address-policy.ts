import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must never reach, whatever the deployment allows: the machine
 * itself, link-local (cloud metadata services answer at 169.254.169.254 and fd00:ec2::254),
 * unspecified, multicast and reserved ranges.
 */
const ALWAYS_BLOCKED = new BlockList();
ALWAYS_BLOCKED.addSubnet('0.0.0.0', 8, 'ipv4');
ALWAYS_BLOCKED.addSubnet('127.0.0.0', 8, 'ipv4');
ALWAYS_BLOCKED.addSubnet('169.254.0.0', 16, 'ipv4');
ALWAYS_BLOCKED.addSubnet('192.0.0.0', 24, 'ipv4');
ALWAYS_BLOCKED.addSubnet('224.0.0.0', 4, 'ipv4');
ALWAYS_BLOCKED.addSubnet('240.0.0.0', 4, 'ipv4');
ALWAYS_BLOCKED.addAddress('::', 'ipv6');
ALWAYS_BLOCKED.addAddress('::1', 'ipv6');
ALWAYS_BLOCKED.addAddress('fd00:ec2::254', 'ipv6');
ALWAYS_BLOCKED.addSubnet('fe80::', 10, 'ipv6');
ALWAYS_BLOCKED.addSubnet('ff00::', 8, 'ipv6');

/** Private networks: allowed only with WEBHOOK_ALLOW_PRIVATE_NETWORKS. */
const PRIVATE = new BlockList();
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('100.64.0.0', 10, 'ipv4');
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE.addSubnet('198.18.0.0', 15, 'ipv4');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');

/** An IPv4 address written as IPv6 (`::ffff:10.0.0.1`, or its hex form) is judged as the IPv4 address it is. */
function unmapped(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const lower = address.toLowerCase();
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return { address: dotted[1], family: 'ipv4' };
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const high = parseInt(hex[1], 16);
    const low = parseInt(hex[2], 16);
    return { address: `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, family: 'ipv4' };
  }
  return { address, family: isIP(address) === 4 ? 'ipv4' : 'ipv6' };
}

/** Why a webhook may not be sent to this IP address, or null when it may. */
export function blockedAddressReason(address: string, allowPrivateNetworks: boolean): string | null {
  if (isIP(address) === 0) return `${address} is not an IP address`;
  const judged = unmapped(address);
  if (ALWAYS_BLOCKED.check(judged.address, judged.family)) return `${address} is a loopback, link-local, metadata or reserved address`;
  if (!allowPrivateNetworks && PRIVATE.check(judged.address, judged.family)) return `${address} is a private network address`;
  return null;
}
