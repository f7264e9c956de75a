/** Where Electron's binary is, or null where it was never downloaded. */
export function electronBinary(root?: string): string | null;
