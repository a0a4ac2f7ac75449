import type { RequestDetector } from './types'
import { detector as trackers } from './trackers'

/** Every detector, once. A meta-test fails when a detector file is missing here. */
export const DETECTORS = [trackers] as const

/** Detectors that read what each request carries, run by the background's network observer. */
export const REQUEST_DETECTORS: readonly RequestDetector[] = []
