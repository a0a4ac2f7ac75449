import data from 'virtual:tracker-data'
import type { TrackerData } from './compile-trackers'

/** The bundled tracker list, compiled from third-party-web at build time (see vite.config.ts). */
export const trackerData: TrackerData = data
