import { z } from 'zod';

/** A size in bytes. */
export const BytesSchema = z.number().nonnegative();

/** A text fact; "" when the machine does not say. */
export const TextSchema = z.string();
