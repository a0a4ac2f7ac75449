/** Words people read for third-party-web's categories. */
const CATEGORY_LABELS: Record<string, string> = {
  ad: 'Advertising',
  analytics: 'Analytics',
  social: 'Social media',
  marketing: 'Marketing',
  'customer-success': 'Customer support and chat',
  'tag-manager': 'Tag manager',
  cdn: 'Content delivery',
  hosting: 'Hosting',
  utility: 'Utility',
  video: 'Video',
  content: 'Content',
  'consent-provider': 'Consent manager',
  other: 'Other',
  unknown: 'Not in our list',
}

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? 'Other'
}

export function categoriesLabel(categories: readonly string[]): string {
  return categories.map(categoryLabel).join(', ')
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`
}

export function formatTime(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
}

export function formatDateTime(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

/** One time, or a range when first and last differ on the clock. */
export function formatTimeRange(first: number, last: number): string {
  const a = formatTime(first)
  const b = formatTime(last)
  return a === b ? `at ${a}` : `${a} – ${b}`
}
