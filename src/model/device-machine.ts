import { setup } from 'xstate';

/**
 * One device's life as the reader drives it: online or offline, and a composer that goes from
 * empty to an entered address (the lookup is made here, send or not) to a sent message.
 * The simulator's composer follows it, and the model-based tests walk its paths with xstate/graph.
 */
export const deviceMachine = setup({
  types: {
    events: {} as
      | { type: 'address.entered' }
      | { type: 'message.sent' }
      | { type: 'composer.cleared' }
      | { type: 'device.offline' }
      | { type: 'device.online' },
  },
}).createMachine({
  id: 'device',
  initial: 'online',
  states: {
    online: {
      initial: 'empty',
      on: { 'device.offline': 'offline' },
      states: {
        empty: { on: { 'address.entered': 'addressed' } },
        addressed: {
          on: { 'message.sent': 'sent', 'composer.cleared': 'empty', 'address.entered': 'addressed' },
        },
        sent: { on: { 'message.sent': 'sent', 'composer.cleared': 'empty', 'address.entered': 'addressed' } },
      },
    },
    offline: { on: { 'device.online': 'online' } },
  },
});
