/**
 * Session-replay vendors: hosts of their recording scripts and endpoints. Project-maintained;
 * each entry names where its hosts are documented (the vendor's own install or CSP docs).
 */
export interface ReplayVendor {
  name: string
  company: string
  hosts: readonly string[]
  source: string
}

export const SESSION_REPLAY_VENDORS: readonly ReplayVendor[] = [
  {
    name: 'Hotjar',
    company: 'Hotjar',
    hosts: ['hotjar.com', 'hotjar.io'],
    source: 'https://help.hotjar.com/hc/en-us/articles/115011640307 (Content Security Policy)',
  },
  {
    name: 'FullStory',
    company: 'FullStory',
    hosts: ['fullstory.com'],
    source:
      'https://help.fullstory.com/hc/en-us/articles/360020622734 (CSP: edge.fullstory.com, rs.fullstory.com)',
  },
  {
    name: 'Microsoft Clarity',
    company: 'Microsoft',
    hosts: ['clarity.ms'],
    source: 'https://learn.microsoft.com/en-us/clarity/setup-and-installation/clarity-csp',
  },
  {
    name: 'Contentsquare',
    company: 'Contentsquare',
    hosts: ['contentsquare.net', 'contentsquare.com'],
    source: 'https://docs.contentsquare.com/en/csp/',
  },
  {
    name: 'LogRocket',
    company: 'LogRocket',
    hosts: [
      'logrocket.com',
      'logrocket.io',
      'lr-ingest.io',
      'lr-in.com',
      'lr-in-prod.com',
      'lr-ingest.com',
    ],
    source: 'https://docs.logrocket.com/docs/troubleshooting-sessions#content-security-policy',
  },
  {
    name: 'Mouseflow',
    company: 'Mouseflow',
    hosts: ['mouseflow.com'],
    source: 'https://help.mouseflow.com/en/articles/4310818 (CSP)',
  },
  {
    name: 'Smartlook',
    company: 'Smartlook',
    hosts: ['smartlook.com', 'smartlook.cloud'],
    source: 'https://help.smartlook.com/docs/content-security-policy',
  },
  {
    name: 'Yandex Metrica Webvisor',
    company: 'Yandex',
    hosts: ['mc.yandex.ru', 'mc.yandex.com', 'mc.webvisor.org', 'mc.webvisor.com'],
    source: 'https://yandex.com/support/metrica/general/csp.html',
  },
  {
    name: 'Quantum Metric',
    company: 'Quantum Metric',
    hosts: ['quantummetric.com'],
    source: 'https://community.quantummetric.com (installation: cdn.quantummetric.com, ingest)',
  },
  {
    name: 'Inspectlet',
    company: 'Inspectlet',
    hosts: ['inspectlet.com'],
    source: 'https://docs.inspectlet.com/hc/en-us/articles/360002994432 (CSP)',
  },
  {
    name: 'Lucky Orange',
    company: 'Lucky Orange',
    hosts: ['luckyorange.com', 'luckyorange.net'],
    source: 'https://help.luckyorange.com/article/126-content-security-policy',
  },
  {
    name: 'SessionCam',
    company: 'SessionCam (Glassbox)',
    hosts: ['sessioncam.com'],
    source: 'https://help.sessioncam.com (CSP: d2oh4tlt9mrke9.cloudfront.net, ws.sessioncam.com)',
  },
  {
    name: 'Decibel',
    company: 'Decibel (Medallia)',
    hosts: ['decibelinsight.net'],
    source: 'https://docs.medallia.com (DXA: cdn.decibelinsight.net)',
  },
  {
    name: 'Glassbox',
    company: 'Glassbox',
    hosts: ['glassboxdigital.io', 'glassboxcdn.com'],
    source: 'https://docs.glassbox.com (CSP)',
  },
]
