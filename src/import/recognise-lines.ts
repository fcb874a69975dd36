import { periodIn } from './periods.js';

/**
 * What a heading of a council document announces, from its words: a committee paper's
 * sections, an objective, a theme, a list of achievements or of actions, a strategy.
 */
export type HeadingRole =
  | { role: 'objective'; number: string; title: string }
  | { role: 'theme'; number: string; title: string }
  | { role: 'part'; number: string; title: string }
  | { role: 'review'; period?: string; reviewPeriod?: string }
  | { role: 'report'; field: 'purpose' | 'background' | 'conclusion' | 'recommendations' | 'backgroundPapers' }
  | { role: 'appendix' }
  | { role: 'key-actions' }
  | { role: 'emphases' }
  | { role: 'strategy'; title: string; horizon?: string }
  | { role: 'list'; list: 'achievements' | 'actions' }
  | { role: 'glossary' }
  | { role: 'skip' }
  | { role: 'other' };

export function headingRole(text: string): HeadingRole {
  const objective = /^objective\s+(\d+)\s*[:.–-]\s*(.+)$/i.exec(text);
  if (objective) return { role: 'objective', number: objective[1]!, title: objective[2]! };
  const part = /^(\d+\.\d+)\.?\s+(.+)$/.exec(text);
  if (part) return { role: 'part', number: part[1]!, title: part[2]! };
  const bare = text.replace(/^\d{1,2}[.)]?\s+/, '');
  if (/^(summary\s*\/\s*purpose|purpose( of (the|this) report)?|summary( and purpose)?|introduction)$/i.test(bare)) return { role: 'report', field: 'purpose' };
  if (/^background$/i.test(bare)) return { role: 'report', field: 'background' };
  if (/^conclusions?$/i.test(bare)) return { role: 'report', field: 'conclusion' };
  if (/^recommendations?$/i.test(bare)) return { role: 'report', field: 'recommendations' };
  if (/^(additional|background) papers?$/i.test(bare)) return { role: 'report', field: 'backgroundPapers' };
  if (/^appendix\b/i.test(bare)) return { role: 'appendix' };
  if (/medium[- ]term strategy/i.test(bare)) return { role: 'strategy', title: bare, ...(/\bto\s+((?:19|20)\d\d)\b/.exec(bare) ? { horizon: /\bto\s+((?:19|20)\d\d)\b/.exec(bare)![1]! } : {}) };
  if (/^achievements\b.*\bactions\b/i.test(bare)) return reviewHeading(bare);
  if (/^key action points?\b/i.test(bare)) return { role: 'key-actions' };
  if (/^national emphases\b/i.test(bare)) return { role: 'emphases' };
  const list = listLabel(bare);
  if (list) return { role: 'list', list };
  if (/^(abbreviations|glossary)$/i.test(bare)) return { role: 'glossary' };
  if (/^(contents|performance indicators|indicators|coverage of the national objectives|funding|national objectives covered)\b|^objectives$/i.test(bare)) return { role: 'skip' };
  const theme = /^(\d{1,2})[.)]?\s+(.+)$/.exec(text);
  if (theme) return { role: 'theme', number: theme[1]!, title: theme[2]! };
  return { role: 'other' };
}

/** "What we have achieved (2001-2004)" or "Actions to improve performance": the label of a list or column. */
export function listLabel(text: string): 'achievements' | 'actions' | undefined {
  if (text.split(' ').length > 12) return undefined;
  if (/^(what we have achieved|achievements?\b|achieved\b|progress( made| to date)?\b)/i.test(text)) return 'achievements';
  if (/^(actions?\b|key actions\b|what we will do|planned actions|next steps)/i.test(text)) return 'actions';
  return undefined;
}

/** "Achievements 2001- 2004 and Key Actions for 2004/05": the years reviewed and the year planned. */
function reviewHeading(text: string): HeadingRole {
  const [achieved, planned] = text.split(/\band\b/i);
  const reviewPeriod = periodIn(achieved ?? '');
  const period = periodIn(planned ?? '');
  return { role: 'review', ...(period ? { period } : {}), ...(reviewPeriod ? { reviewPeriod } : {}) };
}
