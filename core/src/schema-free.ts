/**
 * What code that runs before core's schemas are built may use: plain values and functions,
 * importing no zod. The console page's entry asks for its first data with these while the
 * rest of core (the contract's schemas) is still being evaluated; see renderer/src/boot.ts.
 */
export { canonicalJson } from './canonical-json';
export { DEFAULT_LANGUAGE, LANGUAGES, resolveLanguage, type Language } from './languages';
export { OPEN_STATUSES, TICKET_STATUSES, type TicketStatus } from './workflow/statuses';
