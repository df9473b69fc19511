/**
 * Which of the machine's addresses the phones are given. A laptop has several: the Wi-Fi, a cable,
 * a hotspot, and often bridges for Docker, WSL or virtual machines that no phone can reach. The
 * projector shows the first address; the trainer can step to the others on the join screen.
 */
import { isIP } from 'node:net';

/** One address of a network interface, as node:os networkInterfaces() gives it. */
export interface InterfaceAddress {
  address: string;
  family: string | number;
  internal: boolean;
}

/**
 * Interfaces that belong to containers, virtual machines or VPNs on this computer: phones on the
 * Wi-Fi do not reach them (Docker's docker0 and br-…, libvirt's virbr, VirtualBox, VMware, Hyper-V
 * and WSL's vEthernet, WireGuard, Tailscale, ZeroTier, tunnels).
 */
const VIRTUAL = /^(docker|br-|veth|virbr|vboxnet|vmnet|vEthernet|VirtualBox|VMware|lxc|lxd|podman|cni|flannel|tailscale|zt|wg|tun|tap|utun|Hyper-V)/i;

function privateIPv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number) as [number, number];
  return a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

/** Lower is offered first: a private LAN address, then other ones, then virtual bridges, then link-local. */
function rank(name: string, address: string): number {
  if (address.startsWith('169.254.')) return 3;
  if (VIRTUAL.test(name)) return 2;
  return privateIPv4(address) ? 0 : 1;
}

function loopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/**
 * The hosts phones can be sent to, best first, for a server listening on `host`: none when it listens
 * on loopback only (a phone cannot reach it, so no address is printed or put in the QR code), the one
 * address when it listens on one, and the machine's IPv4 addresses when it listens on all.
 */
export function phoneHosts(interfaces: Record<string, InterfaceAddress[] | undefined>, host: string): string[] {
  if (loopback(host)) return [];
  if (host !== '0.0.0.0' && host !== '::' && host !== '') return [isIP(host) === 6 ? `[${host}]` : host];
  const found: { host: string; rank: number; order: number }[] = [];
  for (const [name, addresses] of Object.entries(interfaces)) {
    for (const address of addresses ?? []) {
      // Node before 18.4 said 4, later 'IPv4'.
      const ipv4 = address.family === 'IPv4' || address.family === 4;
      if (!ipv4 || address.internal || loopback(address.address)) continue;
      const seen = found.find((f) => f.host === address.address);
      if (seen) seen.rank = Math.min(seen.rank, rank(name, address.address));
      else found.push({ host: address.address, rank: rank(name, address.address), order: found.length });
    }
  }
  return found.sort((a, b) => a.rank - b.rank || a.order - b.order).map((f) => f.host);
}
