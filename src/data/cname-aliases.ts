/**
 * Services known to collect data through a site's own subdomain (CNAME cloaking): the site
 * points `metrics.example.com` at the service, so the tracker looks first-party and its
 * cookies are first-party cookies. From Dimova et al., "The CNAME of the Game: Large-scale
 * Analysis of DNS-based Tracking Evasion" (PETS 2021), AdGuard's cname-trackers list
 * (github.com/AdguardTeam/cname-trackers, MIT) and the vendors' first-party collection docs.
 *
 * - `targets`: where the subdomain's CNAME points (what Firefox's dns.resolve reveals).
 * - `paths`: request paths only that service's collector answers, which Chrome (no DNS API)
 *   can recognise on a first-party host without resolving it.
 */
export interface CloakingService {
  service: string
  targets: readonly string[]
  paths?: readonly RegExp[]
  source: string
}

export const CLOAKING_SERVICES: readonly CloakingService[] = [
  {
    service: 'Adobe Experience Cloud',
    targets: ['omtrdc.net', '2o7.net', 'data.adobedc.net', 'sc.adobedc.net'],
    // "Adobe-managed certificate program": metrics.example.com CNAME <rsid>.sc.omtrdc.net;
    // the image request path is /b/ss/<report suite>/<...> (Adobe Analytics implementation docs).
    paths: [/^\/b\/ss\/[^/]+\/\d+\//],
    source:
      'experienceleague.adobe.com/docs/core-services/interface/data-collection/adobe-managed-cert',
  },
  {
    service: 'Eulerian',
    targets: ['eulerian.net'],
    source: 'Dimova et al. 2021, Table 2; AdGuard cname-trackers (eulerian)',
  },
  {
    service: 'Criteo',
    targets: ['dnsdelegation.io', 'storetail.io'],
    source: 'Dimova et al. 2021; AdGuard cname-trackers (criteo)',
  },
  {
    service: 'Keyade',
    targets: ['k.keyade.com'],
    source: 'Dimova et al. 2021; AdGuard cname-trackers (keyade)',
  },
  {
    service: 'AT Internet (Piano Analytics)',
    targets: ['at-o.net', 'xiti.com'],
    source: 'Dimova et al. 2021; AdGuard cname-trackers (at-internet)',
  },
  {
    service: 'Commanders Act',
    targets: ['tagcommander.com', 'commander1.com'],
    source: 'Dimova et al. 2021; AdGuard cname-trackers (commanders-act)',
  },
  {
    service: 'Wizaly',
    targets: ['wizaly.com'],
    source: 'Dimova et al. 2021; AdGuard cname-trackers (wizaly)',
  },
  {
    service: 'Pardot (Salesforce)',
    targets: ['pardot.com'],
    source: 'Dimova et al. 2021; AdGuard cname-trackers (pardot)',
  },
  {
    service: 'Oracle Eloqua',
    targets: ['eloqua.com', 'en25.com'],
    source: 'Dimova et al. 2021; AdGuard cname-trackers (oracle-eloqua)',
  },
  {
    service: 'Act-On',
    targets: ['actonsoftware.com'],
    source: 'Dimova et al. 2021; AdGuard cname-trackers (act-on)',
  },
  {
    service: 'TraceDock',
    targets: ['tracedock.com'],
    source: 'AdGuard cname-trackers (tracedock)',
  },
  {
    service: 'Ingenious Technologies',
    targets: ['affex.org'],
    source: 'Dimova et al. 2021; AdGuard cname-trackers (ingenious-technologies)',
  },
  {
    service: 'Webtrekk (Mapp)',
    targets: ['wt-eu02.net', 'webtrekk.net'],
    source: 'AdGuard cname-trackers (webtrekk)',
  },
]
