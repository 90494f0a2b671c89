/** What in a link could not be restored, as a code the UI words in its language (`problem.<code>`). */
export type LinkIssueCode =
  | 'tooLong'
  | 'noVersion'
  | 'newer'
  | 'damaged'
  | 'notObject'
  | 'badPosition'
  | 'unknownLayers'
  | 'badLayers'
  | 'badColour'
  | 'badArea'
  | 'badHamlet'
  | 'badLanguage'
  | 'unknownFields'
  | 'badFilters'
  | 'badFilter'
  | 'v0Empty'
  | 'v0Layer'
  | 'v0Field'
  | 'scenarioNotList'
  | 'editDropped'
  | 'scenarioRefused'
  | 'badScenarioName'
  | 'badUnits'
  | 'badOperator'
  | 'badLensRanking'
  | 'lensNoOperator'
  | 'badComparison';

/** One thing a link could not restore: its code, the values its wording needs, and the English sentence. */
export interface LinkIssue {
  kind: 'link';
  code: LinkIssueCode;
  values?: Record<string, string | number>;
  message: string;
}

export function linkIssue(
  code: LinkIssueCode,
  message: string,
  values?: Record<string, string | number>,
): LinkIssue {
  return { kind: 'link', code, message, ...(values ? { values } : {}) };
}

/** A value from a link, quoted for a message: at most `max` characters. */
export function quoted(v: unknown, max = 30): string {
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? '[…]' : '{…}';
  const text = typeof v === 'string' ? JSON.stringify(v) : String(v);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
