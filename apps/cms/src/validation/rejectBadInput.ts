import type {
  CollectionBeforeOperationHook,
  CollectionConfig,
  CollectionSlug,
  PayloadRequest,
} from 'payload'
import { ValidationError } from 'payload'

import type { InputProblem, RelationReference } from './inputShape'
import { checkInput } from './inputShape'
import { whereProblems } from './whereShape'

const OBJECT_ID = /^[0-9a-f]{24}$/i

const singularLabel = (req: PayloadRequest, slug: string): string => {
  const label = req.payload.collections[slug as CollectionSlug]?.config.labels?.singular
  return typeof label === 'string' ? label.toLowerCase() : slug
}

/** Whether `id` has the form the target collection's ids have (ObjectId unless it says otherwise). */
const isIdFor = (req: PayloadRequest, slug: string, id: string | number): boolean => {
  const idType = req.payload.collections[slug as CollectionSlug]?.customIDType
  if (idType === 'number') return Number.isInteger(Number(id))
  if (idType === 'text') return typeof id === 'string'
  return typeof id === 'string' && OBJECT_ID.test(id)
}

/**
 * The references that point nowhere: ids of the wrong form, and ids with no document in the
 * target collection (an id of another collection included). Asks the database once per target
 * collection, within the write's transaction.
 */
export const missingReferences = async ({
  references,
  req,
}: {
  references: RelationReference[]
  req: PayloadRequest
}): Promise<InputProblem[]> => {
  const problems: InputProblem[] = []
  const problem = (ref: RelationReference, message: string) =>
    problems.push({ path: ref.path, message, ...(ref.label ? { label: ref.label } : {}) })
  const byTarget = new Map<string, RelationReference[]>()
  for (const reference of references) {
    if (!req.payload.collections[reference.relationTo as CollectionSlug]) {
      problem(reference, `“${reference.relationTo}” is not a collection.`)
      continue
    }
    if (!isIdFor(req, reference.relationTo, reference.id)) {
      problem(
        reference,
        `“${String(reference.id).slice(0, 40)}” is not a valid ${singularLabel(req, reference.relationTo)} id.`,
      )
      continue
    }
    byTarget.set(reference.relationTo, [...(byTarget.get(reference.relationTo) ?? []), reference])
  }
  for (const [slug, refs] of byTarget) {
    const ids = [...new Set(refs.map((ref) => ref.id))]
    const { docs } = await req.payload.db.find<{ id: string | number }>({
      collection: slug as CollectionSlug,
      where: { id: { in: ids } },
      limit: 0,
      pagination: false,
      req,
    })
    const found = new Set(docs.map((doc) => String(doc.id)))
    for (const ref of refs)
      if (!found.has(String(ref.id)))
        problem(ref, `There is no ${singularLabel(req, slug)} with the id “${String(ref.id)}”.`)
  }
  return problems
}

const WHERE_OPERATIONS = new Set(['read', 'count', 'update', 'delete'])

/**
 * Refuses a malformed create or update with one 400 that names every bad field, before anything
 * else reads the data (the workflow's checks, Payload's hooks, the database driver) and before
 * anything is written: wrong JSON types, `$` keys, bad dates and options, malformed rich text,
 * and relationships to ids that do not exist. Runs for every API; data a form or the Local API
 * sends in the right shape passes untouched. Reads, bulk updates and deletes get their `where`
 * checked the same way (see whereShape.ts).
 */
export const rejectBadInput: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  const { data, where } = args as { data?: unknown; where?: unknown }
  if (WHERE_OPERATIONS.has(operation) && where !== undefined) {
    const problems = whereProblems({
      where,
      fields: collection.flattenedFields,
      collection: collection.slug,
      isValidId: ({ relationTo, value }) => isIdFor(req, relationTo, value),
      // A bulk write whose id condition is empty would reach every document.
      allowEmpty: operation === 'read' || operation === 'count',
    })
    if (problems.length > 0)
      throw new ValidationError({ collection: collection.slug, errors: problems, req }, req.t)
  }
  if (operation !== 'create' && operation !== 'update') return args
  const { problems, references } = checkInput({
    fields: collection.fields,
    data,
    maxTextLength: req.payload.config.defaultMaxTextLength,
    isAuth: Boolean(collection.auth),
  })
  problems.push(...(await missingReferences({ references, req })))
  if (problems.length > 0)
    throw new ValidationError({ collection: collection.slug, errors: problems, req }, req.t)
  return args
}

const inputPreparers = new WeakSet<object>()

/**
 * Marks a `beforeOperation` hook that turns a write's input into the form the checks expect
 * (e.g. topic names into topic ids); {@link withInputChecks} runs it before the checks.
 *
 * @example
 * export const resolveTopicNames = preparesInput(async ({ args }) => args)
 */
export const preparesInput = <H extends object>(hook: H): H => {
  inputPreparers.add(hook)
  return hook
}

/**
 * A collection with the input checks first among its `beforeOperation` hooks (after the hooks
 * marked with {@link preparesInput}).
 *
 * @example
 * collections: [Articles, Faqs].map(withInputChecks)
 */
export const withInputChecks = <T extends CollectionConfig>(collection: T): T => {
  const hooks = collection.hooks?.beforeOperation ?? []
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [
        ...hooks.filter((hook) => inputPreparers.has(hook)),
        rejectBadInput,
        ...hooks.filter((hook) => !inputPreparers.has(hook)),
      ],
    },
  }
}
