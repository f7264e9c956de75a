import { IntakeScriptSchema, type IntakeScript } from './schema';
import { cannotLogIn } from './scripts/cannot-log-in';
import { displayProblems } from './scripts/display';
import { emailNotSyncing } from './scripts/email-not-syncing';
import { noInternet } from './scripts/no-internet';
import { noSound } from './scripts/no-sound';
import { printerNotPrinting } from './scripts/printer';
import { slowComputer } from './scripts/slow-computer';
import { vpnWillNotConnect } from './scripts/vpn';

export * from './api';
export * from './catalog-check';
export * from './engine';
export * from './schema';

/** The call-intake scripts Deskside ships with; each is validated by its schema here. */
export const starterIntakeScripts: readonly IntakeScript[] = [
  noInternet,
  slowComputer,
  printerNotPrinting,
  cannotLogIn,
  emailNotSyncing,
  vpnWillNotConnect,
  noSound,
  displayProblems,
].map((script) => IntakeScriptSchema.parse(script));
