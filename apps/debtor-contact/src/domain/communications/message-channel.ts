/** The channels the communications port sends on (calls are made by people, not by the port). */
export const MESSAGE_CHANNELS = ['email', 'letter', 'text'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
