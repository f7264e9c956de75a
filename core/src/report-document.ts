import { z } from 'zod';
import { LanguageSchema } from './settings';

/**
 * A report as it is printed or exported: every word already translated and every number,
 * date and duration already formatted for its language. The renderer builds it from a report
 * answer; the CSV and PDF exporters read only this, so they need no translations of their own.
 */

/** The chart colours, in series order, on screen and on paper; a single series is the first. */
export const REPORT_SERIES_COLOURS = [
  '#2563eb',
  '#d97706',
  '#059669',
  '#dc2626',
  '#7c3aed',
  '#0891b2',
  '#db2777',
  '#4b5563',
] as const;

/** Limits that keep one document inside the API's 1 MiB request body and a printable size. */
export const REPORT_DOCUMENT_LIMITS = {
  sections: 24,
  columns: 12,
  rows: 5_000,
  cellChars: 500,
  categories: 200,
  series: 8,
} as const;

const Text = z.string().trim().min(1).max(300);
const Cell = z.string().max(REPORT_DOCUMENT_LIMITS.cellChars);

export const ReportDocumentChartSchema = z
  .object({
    kind: z.enum(['bar', 'line']),
    /** The categories along the horizontal axis: groups, or weeks. */
    categories: z.array(z.string().max(120)).min(1).max(REPORT_DOCUMENT_LIMITS.categories),
    series: z
      .array(
        z.object({
          name: Text,
          values: z.array(z.number()).max(REPORT_DOCUMENT_LIMITS.categories),
        }),
      )
      .min(1)
      .max(REPORT_DOCUMENT_LIMITS.series),
    /** What the vertical axis counts, already translated ("Tickets", "%"). */
    valueLabel: z.string().max(120).optional(),
  })
  .refine(
    (chart) => chart.series.every((series) => series.values.length === chart.categories.length),
    {
      message: 'every series has one value per category',
      path: ['series'],
    },
  );
export type ReportDocumentChart = z.infer<typeof ReportDocumentChartSchema>;

export const ReportDocumentColumnSchema = z.object({
  label: z.string().max(120),
  align: z.enum(['start', 'end']).default('start'),
});
export type ReportDocumentColumn = z.infer<typeof ReportDocumentColumnSchema>;

export const ReportDocumentTableSchema = z
  .object({
    columns: z.array(ReportDocumentColumnSchema).min(1).max(REPORT_DOCUMENT_LIMITS.columns),
    rows: z.array(z.array(Cell)).max(REPORT_DOCUMENT_LIMITS.rows),
  })
  .refine((table) => table.rows.every((row) => row.length === table.columns.length), {
    message: 'every row has one cell per column',
    path: ['rows'],
  });
export type ReportDocumentTable = z.infer<typeof ReportDocumentTableSchema>;

export const ReportDocumentSectionSchema = z.object({
  heading: Text,
  chart: ReportDocumentChartSchema.optional(),
  table: ReportDocumentTableSchema,
});
export type ReportDocumentSection = z.infer<typeof ReportDocumentSectionSchema>;

export const ReportDocumentSchema = z.object({
  title: Text,
  /** One line saying which period and filters the report covers, already translated. */
  filters: z.string().max(600),
  /** When the figures were read, already formatted for the language ("2 Dec 2026, 17:05"). */
  generatedAt: z.string().max(120),
  language: LanguageSchema,
  sections: z.array(ReportDocumentSectionSchema).min(1).max(REPORT_DOCUMENT_LIMITS.sections),
});
export type ReportDocument = z.infer<typeof ReportDocumentSchema>;
export type ReportDocumentInput = z.input<typeof ReportDocumentSchema>;

/** The largest PDF `reports.pdf` answers, before base64. */
export const REPORT_PDF_MAX_BYTES = 12 * 1024 * 1024;

export const ReportPdfSchema = z.object({
  /** The PDF file, base64. */
  base64: z
    .string()
    .max(Math.ceil(REPORT_PDF_MAX_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  bytes: z.number().int().positive(),
  pages: z.number().int().positive(),
});
export type ReportPdf = z.infer<typeof ReportPdfSchema>;
