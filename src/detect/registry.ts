import type { RequestDetector } from './types'
import { detector as consent, detectConsent } from './consent'
import { detector as consentBefore } from './consent-before'
import { detector as consentCmp, detectCmpRequest } from './consent-cmp'
import { detector as gpc } from './gpc'
import { detector as gpcHonoured } from './gpc-honoured'
import type { ScriptDetector } from './probe-events'
import { detector as fpAudio, detectAudio } from './fingerprint-audio'
import { detector as fpCanvas, detectCanvas } from './fingerprint-canvas'
import { detector as fpCanvasFont, detectCanvasFont } from './fingerprint-canvas-font'
import { detector as fpNavigator, detectNavigator } from './fingerprint-navigator'
import { detector as fpWebgl, detectWebgl } from './fingerprint-webgl'
import { detector as fpWebrtc, detectWebrtc } from './fingerprint-webrtc'
import { detector as inputExfiltration } from './input-exfiltration'
import { detectSessionRecording, detectSessionRecordingRequest } from './session-recording'
import { detector as sessionRecording } from './session-recording'
import { detector as storageIdentifier, detectStorageIdentifier } from './storage-identifier'
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
  consentCmp,
  gpc,
  gpcHonoured,
  cookies,
  idSync,
  personalization,
  cnameCloaked,
  thirdpartyLearned,
  // What scripts do inside the page (MAIN-world probes, issue 3).
  fpCanvas,
  fpCanvasFont,
  fpWebgl,
  fpAudio,
  fpWebrtc,
  fpNavigator,
  storageIdentifier,
  sessionRecording,
  inputExfiltration,
] as const

/** Detectors that read what each request carries, run by the background's network observer. */
export const REQUEST_DETECTORS: readonly RequestDetector[] = [
  detectPixels,
  detectRemarketing,
  detectLinkDecoration,
  detectConsent,
  detectPersonalization,
  detectCnameByPath,
  detectSessionRecordingRequest,
  detectCmpRequest,
]

/** Detectors that read what one script did in a frame, run by the background's probe intake. */
export const SCRIPT_DETECTORS: readonly ScriptDetector[] = [
  detectCanvas,
  detectCanvasFont,
  detectWebgl,
  detectAudio,
  detectWebrtc,
  detectNavigator,
  detectStorageIdentifier,
  detectSessionRecording,
]
