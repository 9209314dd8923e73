import type { TaskConfig } from 'payload'

import { TRANSITION_ACTIONS } from '@copydesk/workflow/transitions'

import { notifyTransition } from '../workflow/notify'

/**
 * Tells the people a transition concerns (in-app and by email), after the action has answered:
 * a publish must not wait for mail. The poller picks it up within a second.
 */
export const notifyTask: TaskConfig<'notify'> = {
  slug: 'notify',
  label: 'Workflow notifications',
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
    {
      name: 'action',
      type: 'select',
      required: true,
      options: TRANSITION_ACTIONS.map((value) => ({ label: value, value })),
    },
    { name: 'actorId', type: 'text', required: true },
    { name: 'note', type: 'text' },
  ],
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 2_000 } },
  handler: async ({ input, req }) => {
    await notifyTransition({
      req,
      collection: input.collection as 'articles',
      id: input.id,
      action: input.action,
      actorId: input.actorId,
      note: input.note ?? null,
    })
    return { output: {} }
  },
}
