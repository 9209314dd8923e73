import type { PublishCandidate } from '@copydesk/workflow/publishReadiness'
import { publishProblems } from '@copydesk/workflow/publishReadiness'

/**
 * A field validator for the publish rules in @copydesk/workflow, for saves that publish: drafts
 * are validated too (so they have a title, see collections/versions.ts) but may be incomplete
 * otherwise. Running the rule as a field validator reports it together with every other invalid
 * field in one 400.
 *
 * @example
 * { name: 'authors', type: 'relationship', validate: requiredToPublish('articles', 'authors') }
 */
export const requiredToPublish =
  (collection: PublishCandidate['collection'], field: keyof PublishCandidate) =>
  (value: unknown, { data }: { data: Partial<Record<string, unknown>> }): true | string => {
    if (data._status !== 'published') return true
    const problem = publishProblems({ doc: { ...data, collection, [field]: value } }).find(
      (p) => p.field === field,
    )
    return problem?.message ?? true
  }
