import { detector as trackers } from './trackers'

/** Every detector, once. A meta-test fails when a detector file is missing here. */
export const DETECTORS = [trackers] as const
