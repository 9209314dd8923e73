import { DRAFT_EXIT_PATH } from '@copydesk/types/site-urls'

/**
 * Shown on every page rendered in draft mode: staff must never mistake a draft for what readers
 * see. The exit link leaves draft mode and returns to the published page.
 */
export const PreviewBanner = ({ path }: { path: string }) => (
  <div className="preview-banner" role="status">
    <p>
      <strong>Preview:</strong> you are looking at the latest draft. Readers still see the published
      version.
    </p>
    <a href={`${DRAFT_EXIT_PATH}?path=${encodeURIComponent(path)}`} className="button">
      Exit preview
    </a>
  </div>
)
