declare module 'virtual:tracker-data' {
  import type { TrackerData } from './compile-trackers'
  const data: TrackerData
  export default data
}
