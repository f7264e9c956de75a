/** The rows both baseline pages show: about as many as the queue shows on its first screen. */
export const BASELINE_ROWS = 30;

export const rowLabel = (index: number) => `Ticket ${index + 1}`;
