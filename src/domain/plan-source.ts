/** The kinds of document a plan can be imported from. */
export const DOCUMENT_FORMATS = ['txt', 'md', 'docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** The text a plan was parsed from, kept with the stored plan so it can be re-parsed and cited. */
export interface PlanSource {
  format: DocumentFormat;
  text: string;
}
