import type { Thing, WithContext } from 'schema-dts'

/** Structured data for search engines, typed by schema-dts. */
export const JsonLd = ({ data }: { data: WithContext<Thing> | WithContext<Thing>[] }) => (
  <script
    type="application/ld+json"
    // JSON.stringify escapes quotes; "<" is escaped too so a headline cannot close the tag.
    dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, '\\u003c') }}
  />
)
