import type { DraftContact } from './draft.js';

/** "Contact Point: …", "Contact officer: …", "Contact: …". */
export function isContactLine(text: string): boolean {
  return /^contact(\s+(point|officer|name|details))?s?\s*:/i.test(text);
}

/**
 * A contact from a line such as "Contact Point: Jimmy Doyle, Ext: 2247, F 520600" or
 * "Mary Brimson _ 525790": the name is the words before the first number or separator,
 * the rest is how to reach them (kept as printed: extensions, fax).
 */
export function contactFrom(line: string): DraftContact | undefined {
  const text = line.replace(/^contact(\s+(point|officer|name|details))?s?\s*:\s*/i, '');
  const email = /[\w.+-]+@[\w-]+(\.[\w-]+)+/.exec(text)?.[0];
  const name = /^((?:[A-Z][\w'’.-]*\s*){1,4}?)(?=\s*(?:[,_–(:-]|\s(?:Ext|Tel|Phone|Telephone|Email|E-mail)\b|\s*\d|$))/.exec(text)?.[1]?.trim();
  if (!name || name.split(' ').length < 2) return undefined;
  const rest = text.slice(text.indexOf(name) + name.length).replace(email ?? '\u0000', '').replace(/^[\s,_–:-]+|[\s,_–:-]+$/g, '');
  const phone = /\d/.test(rest) ? rest.replace(/^(tel(ephone)?|phone)\s*:?\s*/i, '') : undefined;
  return { name, ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
}
