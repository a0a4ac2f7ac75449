/** Entry point on a site's page: write a request to the site or a company seen on it. */
export function AskLink({ site }: { site: string }) {
  return (
    <p class="ask">
      <a
        class="button"
        href={`#/requests/new?site=${encodeURIComponent(site)}`}
        data-testid="ask-link"
      >
        Ask this company for your data
      </a>{' '}
      <span class="muted">
        A letter under the privacy law that protects you, listing what Tracelight saw here.
      </span>
    </p>
  )
}
