/** Why a coordinator returns a report to its unit: chosen by button, worded by messages/. */
export const RETURN_REASONS = ['not_bpjs', 'wrong_field', 'explain_drop', 'incomplete'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];
