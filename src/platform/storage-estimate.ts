/** Bytes this extension's origin uses on disk, as the browser estimates it (null: unknown). */
export async function storageUsed(): Promise<number | null> {
  try {
    const estimate = await navigator.storage.estimate()
    return estimate.usage ?? null
  } catch {
    return null
  }
}
