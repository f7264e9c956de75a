/**
 * The console in front of its services, for the browser-mode host and Electron's main alike.
 * A desk whose address names no login starts signed out: the page is served, the console's
 * own settings (its language) and the sign-in methods answer, and every other method answers
 * `signed_out` until an analyst signs in with their own login and password. The password is
 * held in memory only, in the address the services' connections use.
 */
import type { Logger } from 'pino';
import {
  DesksideError,
  apiMethods,
  isApiMethod,
  type ApiMethod,
  type SignInInput,
  type SignInProblem,
  type SignInState,
  type WireResult,
} from '@deskside/core';
import { createDispatcher, type Dispatch } from '../api/dispatcher';
import type { ApiHandlers } from '../api/handlers';
import type { ConsoleServices } from '../console';
import { EventHub } from '../database/store';
import { SettingsService } from '../settings/settings-service';
import type { SettingsStoreFactory } from '../settings/settings-store';
import {
  SIGNED_IN_BY_ADDRESS,
  deskName,
  needsSignIn,
  signInProblem,
  withCredentials,
  type SignInControl,
} from './sign-in';

export interface SignInGateOptions {
  /** The desk's address; DESKSIDE_DATABASE_URL by default; without one, the SQLite file. */
  databaseUrl?: string;
  /** The console's data folder: its settings answer while it is signed out. */
  dataDir: string;
  /** How the settings file is kept: conf by default, electron-store in the desktop app. */
  settingsStore?: SettingsStoreFactory;
  logger: Logger;
  /** Opens the console's services on `databaseUrl` (openConsole with the host's options). */
  open(databaseUrl: string | undefined, signIn: SignInControl): Promise<ConsoleServices>;
}

export interface SignInGate {
  dispatch: Dispatch;
  /** Committed changes of whichever services are open; subscriptions outlive a sign-out. */
  events: EventHub;
  close(): Promise<void>;
}

/** What a signed-out console still answers: signing in, and its own settings (its language). */
const ANSWERED_SIGNED_OUT = new Set<ApiMethod>([
  'desk.signInState',
  'desk.signIn',
  'desk.signOut',
  'settings.get',
  'settings.update',
]);

const REFUSED_MESSAGE =
  'The desk no longer lets you in: your account was disabled or your password changed. Ask your administrator';

const signedOutError = (reason: SignInProblem | null): WireResult => ({
  ok: false,
  error: {
    code: 'signed_out',
    message: reason === 'refused' ? REFUSED_MESSAGE : 'Sign in to the desk first',
  },
});

/** The password, wherever an unexpected error's text repeats it, as stars. */
function redacted(error: unknown, password: string): { type: string; message: string } {
  const type = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  return { type, message: message.split(password).join('***') };
}

/** Opens the console: at once where its address signs it in, else signed out. */
export async function openSignInGate(options: SignInGateOptions): Promise<SignInGate> {
  const address = options.databaseUrl ?? process.env.DESKSIDE_DATABASE_URL;
  if (!address || !needsSignIn(address)) {
    const services = await options.open(address, SIGNED_IN_BY_ADDRESS);
    return { dispatch: services.dispatch, events: services.events, close: () => services.close() };
  }
  return new InteractiveGate(address, options);
}

/** A desk its analysts sign in to at the console. */
class InteractiveGate implements SignInGate {
  readonly events = new EventHub();
  private services: ConsoleServices | null = null;
  private reason: SignInProblem | null = null;
  /** Counts sign-ins, so a refusal reported by closed services changes nothing. */
  private generation = 0;
  private signingIn = false;
  private stopForwarding: () => void = () => undefined;
  private readonly signedOutDispatch: Dispatch;
  private readonly logger: Logger;

  constructor(
    private readonly address: string,
    private readonly options: SignInGateOptions,
  ) {
    this.logger = options.logger.child({ part: 'sign-in' });
    const settings = new SettingsService(options.dataDir, options.settingsStore);
    const refuse = () => Promise.reject(new DesksideError('signed_out', 'Sign in first'));
    // Every method refuses; the dispatch above does not even ask the others.
    const refusing: Record<string, unknown> = Object.fromEntries(
      apiMethods.map((method) => [method, refuse]),
    );
    this.signedOutDispatch = createDispatcher(
      {
        ...(refusing as ApiHandlers),
        'desk.signInState': () => Promise.resolve(this.state()),
        'desk.signIn': (credentials) => this.signIn(credentials),
        'desk.signOut': () => this.signOut(),
        'settings.get': () => Promise.resolve(settings.get()),
        'settings.update': (changes) => Promise.resolve(settings.update(changes)),
      },
      options.logger,
    );
  }

  state(): SignInState {
    return this.services
      ? { state: 'signed-in', byAddress: false }
      : { state: 'signed-out', desk: deskName(this.address), reason: this.reason };
  }

  readonly dispatch: Dispatch = async (method, input) => {
    const services = this.services;
    if (!services) {
      return isApiMethod(method) && !ANSWERED_SIGNED_OUT.has(method)
        ? signedOutError(this.reason)
        : this.signedOutDispatch(method, input);
    }
    const result = await services.dispatch(method, input);
    // The call that found the analyst refused says so as the sign-out it caused.
    if (!result.ok && this.services !== services && this.reason === 'refused') {
      return signedOutError('refused');
    }
    return result;
  };

  private control(generation: number): SignInControl {
    return {
      state: () => this.state(),
      signIn: (credentials) => this.signIn(credentials),
      signOut: () => this.signOut(),
      refused: () => {
        if (generation === this.generation) this.end('refused');
      },
    };
  }

  async signIn(credentials: SignInInput): Promise<SignInState> {
    if (this.services) throw new DesksideError('conflict', 'This console is signed in already');
    if (this.signingIn) throw new DesksideError('conflict', 'A sign-in is under way already');
    this.signingIn = true;
    const generation = ++this.generation;
    try {
      const services = await this.options.open(
        withCredentials(this.address, credentials),
        this.control(generation),
      );
      this.services = services;
      this.reason = null;
      this.stopForwarding = services.events.subscribe((event) => {
        this.events.emit(event);
      });
      this.logger.info({ analyst: credentials.login }, 'signed in to the desk');
    } catch (error) {
      const problem = signInProblem(error);
      if (problem === null) {
        this.logger.error({ err: redacted(error, credentials.password) }, 'signing in failed');
        throw new DesksideError(
          'internal',
          "The console could not sign in to the desk; the console's log has the details",
        );
      }
      this.reason = problem;
      this.logger.info({ analyst: credentials.login, problem }, 'the desk refused a sign-in');
    } finally {
      this.signingIn = false;
    }
    return this.state();
  }

  async signOut(): Promise<SignInState> {
    const services = this.end(null);
    await services?.close();
    return this.state();
  }

  /** Signed out from now on; the services it held close (awaited by signOut only). */
  private end(reason: SignInProblem | null): ConsoleServices | null {
    const services = this.services;
    if (!services) return null;
    this.services = null;
    this.reason = reason;
    this.generation += 1;
    this.stopForwarding();
    this.stopForwarding = () => undefined;
    if (reason !== null) {
      this.logger.warn({ reason }, 'signed out: the desk refused this console');
      services.close().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'closing the refused console failed');
      });
    }
    return services;
  }

  async close(): Promise<void> {
    await this.signOut();
  }
}
