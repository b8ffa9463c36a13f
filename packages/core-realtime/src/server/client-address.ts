import { isIPv4, isIPv6 } from "node:net";

const V4_MAPPED = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

function expandIPv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array.from({ length: missing }, () => "0"), ...right];
}

/**
 * The key a per-address limit counts under: an IPv4 address as is (also when
 * written IPv4-mapped, `::ffff:1.2.3.4`), an IPv6 address by its /64 prefix,
 * since one subscriber routinely holds a whole /64 and could otherwise
 * rotate through addresses for free. Anything else is used verbatim.
 *
 * @example
 * clientAddressKey("::ffff:10.0.0.7"); // "10.0.0.7"
 * clientAddressKey("2001:db8:1:2:aaaa::1"); // "2001:db8:1:2::/64"
 */
export function clientAddressKey(address: string): string {
  const mapped = V4_MAPPED.exec(address)?.[1];
  if (mapped !== undefined && isIPv4(mapped)) return mapped;
  if (isIPv4(address) || !isIPv6(address)) return address;
  // A zone index (`fe80::1%eth0`) is local detail, not part of the prefix.
  const groups = expandIPv6(address.split("%")[0] ?? address).slice(0, 4);
  return `${groups.map((group) => group.toLowerCase().replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
