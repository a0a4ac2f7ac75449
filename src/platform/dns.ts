import { browser } from './browser'

interface DnsApi {
  resolve(host: string, flags: string[]): Promise<{ canonicalName?: string }>
}

function dnsApi(): DnsApi | undefined {
  return (browser as unknown as { dns?: DnsApi }).dns
}

/** Firefox has browser.dns (with the "dns" permission); Chrome has no DNS API for extensions. */
export function canResolveDns(): boolean {
  return typeof dnsApi()?.resolve === 'function'
}

/** The canonical name (end of the CNAME chain) of a host, lower case without the trailing dot;
 * undefined when it cannot be resolved. */
export async function canonicalName(host: string): Promise<string | undefined> {
  const api = dnsApi()
  if (api === undefined) return undefined
  try {
    const record = await api.resolve(host, ['canonical_name'])
    const name = record.canonicalName
    return typeof name === 'string' && name !== ''
      ? name.toLowerCase().replace(/\.$/, '')
      : undefined
  } catch {
    return undefined
  }
}
