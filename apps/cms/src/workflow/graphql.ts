import type { GraphQLExtension } from 'payload'

import { WORKFLOW_COLLECTIONS } from '@copydesk/workflow/states'
import { TRANSITION_ACTIONS } from '@copydesk/workflow/transitions'

import { performTransition, transitionInputSchema } from './perform'

/**
 * `mutation { workflowTransition(collection: articles, id: "…", action: approve) { to } }`: the
 * same workflow actions as REST, through the same code.
 */
export const workflowMutations: GraphQLExtension = (GraphQL) => {
  const enumOf = (name: string, values: readonly string[]) =>
    new GraphQL.GraphQLEnumType({
      name,
      values: Object.fromEntries(values.map((value) => [value, { value }])),
    })
  const outcome = new GraphQL.GraphQLObjectType({
    name: 'WorkflowTransitionOutcome',
    fields: {
      id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      from: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      to: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      action: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      eventId: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      notified: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLInt) },
    },
  })
  return {
    workflowTransition: {
      type: outcome,
      args: {
        collection: {
          type: new GraphQL.GraphQLNonNull(enumOf('WorkflowCollection', WORKFLOW_COLLECTIONS)),
        },
        id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        action: { type: new GraphQL.GraphQLNonNull(enumOf('WorkflowAction', TRANSITION_ACTIONS)) },
        note: { type: GraphQL.GraphQLString },
        reviewer: { type: GraphQL.GraphQLString },
        publishAt: { type: GraphQL.GraphQLString },
        unpublishAt: { type: GraphQL.GraphQLString },
        correctionNote: { type: GraphQL.GraphQLString },
      },
      resolve: async (_source: unknown, args: Record<string, unknown>, context: { req: never }) => {
        const { collection, id, ...input } = args
        return performTransition({
          req: context.req,
          collection: String(collection),
          id: String(id),
          input: transitionInputSchema.parse(input),
        })
      },
    },
  }
}
