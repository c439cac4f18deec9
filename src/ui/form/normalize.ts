/** What a pasted value may carry around it that is unambiguous to drop: surrounding blanks. */
export const trimmed = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : value);

/** A firmware revision as `show environment` prints it ("Rev.15.02.33") or as typed. */
export const revision = (value: unknown): unknown => (typeof value === 'string' ? value.trim().replace(/^rev\.?\s*/i, '') : value);
