import { z } from 'zod';

// Shared schema instances. A zod schema is immutable, and each instance costs a few
// kilobytes in every process that loads core (the agent stays resident on every PC), so
// fields of the same kind share one.

/** A text fact; "" when the machine does not say. */
export const TextSchema = z.string();
export const NullableTextSchema = TextSchema.nullable();
export const NonEmptyTextSchema = z.string().min(1);
export const TextListSchema = z.array(TextSchema);
export const BooleanSchema = z.boolean();
export const NullableBooleanSchema = BooleanSchema.nullable();
/** A size in bytes. */
export const BytesSchema = z.number().nonnegative();
export const NullableBytesSchema = BytesSchema.nullable();
export const NonNegativeSchema = BytesSchema;
export const NullableNonNegativeSchema = NullableBytesSchema;
export const CountSchema = z.number().int().nonnegative();
export const NullableCountSchema = CountSchema.nullable();
export const IntegerSchema = z.number().int();
export const NullableIntegerSchema = IntegerSchema.nullable();
/** A measured number that may fall anywhere (an offset, a round trip skewed by clocks). */
export const MeasureSchema = z.number();
export const NullableMeasureSchema = MeasureSchema.nullable();
export const PercentSchema = z.number().min(0).max(100);
export const DateTimeSchema = z.iso.datetime();
export const NullableDateTimeSchema = DateTimeSchema.nullable();
