/**
 * The report an analyst copies when the console fails unexpectedly (Electron's main process,
 * or the page): plain text, for whoever looks after Deskside, built the same way everywhere.
 */
export interface ErrorReportInput {
  /** What failed, in words: "The page stopped (crashed, exit code 139)". */
  what: string;
  error: unknown;
  time: Date;
  /** Deskside's version, where known. */
  version: string | null;
  /** The operating system as the process sees it (os.type/release/arch, or the user agent). */
  system: string;
  /** Runtime versions: Electron, Node, Chrome; those unknown are left out. */
  runtime: Readonly<Record<string, string | undefined>>;
  /** More to go with the error: the log's last lines, oldest first; React's component stack. */
  sections?: readonly ReportSection[];
}

export interface ReportSection {
  title: string;
  lines: readonly string[];
}

const MAX_CAUSES = 5;

/** An error and its causes, with their stacks; anything thrown that is not an Error as text. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_CAUSES; depth++) {
    if (!(current instanceof Error)) {
      parts.push(valueText(current));
      break;
    }
    const heading = `${current.name}: ${current.message}`;
    const stack = current.stack ?? heading;
    parts.push(stack.includes(current.message) ? stack : `${heading}\n${stack}`);
    if (current.cause === undefined) break;
    parts.push('Caused by:');
    current = current.cause;
  }
  return parts.join('\n');
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    // undefined, a function or a symbol: JSON has no text for them.
    const json = JSON.stringify(value) as string | undefined;
    return json ?? String(value);
  } catch {
    // A value JSON cannot write (a cycle, a BigInt): its plain text is the best there is.
    return String(value);
  }
}

export function buildErrorReport(input: ErrorReportInput): string {
  const runtime = Object.entries(input.runtime)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const lines = [
    'Deskside error report',
    `Time: ${input.time.toISOString()}`,
    `What happened: ${input.what}`,
    `Version: ${input.version ?? 'unknown'}`,
    `System: ${input.system}`,
    `Runtime: ${runtime || 'unknown'}`,
    '',
    'Error:',
    describeError(input.error),
  ];
  for (const section of input.sections ?? []) {
    if (section.lines.length > 0) lines.push('', `${section.title}:`, ...section.lines);
  }
  return `${lines.join('\n')}\n`;
}
