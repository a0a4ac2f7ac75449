import type { RequestDetector } from './types'
import { detector as consent, detectConsent } from './consent'
import { detector as consentBefore } from './consent-before'
import { detector as gpc } from './gpc'
import { detector as linkDecoration, detectLinkDecoration } from './link-decoration'
import { detector as pixels, detectPixels } from './pixels'
import { detector as remarketing, detectRemarketing } from './remarketing'
import { detector as trackers } from './trackers'
import { detector as cookies } from './cookies'
import { detector as idSync } from './id-sync'
import { detector as personalization, detectPersonalization } from './personalization'
import { detector as cnameCloaked, detectCnameByPath } from './cname-cloaked'
import { detector as thirdpartyLearned } from './thirdparty-learned'

/** Every detector, once. A meta-test fails when a detector file is missing here. */
export const DETECTORS = [
  trackers,
  pixels,
  remarketing,
  linkDecoration,
  consent,
  consentBefore,
  gpc,
  cookies,
  idSync,
  personalization,
  cnameCloaked,
  thirdpartyLearned,
] as const

/** Detectors that read what each request carries, run by the background's network observer. */
export const REQUEST_DETECTORS: readonly RequestDetector[] = [
  detectPixels,
  detectRemarketing,
  detectLinkDecoration,
  detectConsent,
  detectPersonalization,
  detectCnameByPath,
]
