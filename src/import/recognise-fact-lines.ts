import { reportOf, type Draft } from './draft.js';
import { dateIn, periodIn } from './periods.js';
import type { Recaser } from './recase.js';

/** Committee paper header lines: "PAPER B", "Committee : …", "Date :30 APRIL 2002", "Title :…", "Report of the …". */
export function readHeaderLine(text: string, draft: Draft, recaser: Recaser): boolean {
  const paper = /^paper\s*(?:no\.?|number)?\s*:?\s*([A-Z0-9][\w/.-]{0,15})$/i.exec(text);
  const labelled = /^(committee|date|title|meeting|report (?:of|by|from))\s*(?::|\s)\s*(.+)$/i.exec(text);
  if (paper && !draft.report?.paper) {
    reportOf(draft).paper = paper[1]!;
    return true;
  }
  if (!labelled) return false;
  const label = labelled[1]!.toLowerCase();
  const value = labelled[2]!.trim();
  if (label !== 'committee' && label !== 'date' && !label.startsWith('report') && !draft.report) return false;
  const report = reportOf(draft);
  if (label === 'committee' || label === 'meeting') report.committee = recaser.recase(value);
  else if (label === 'date') {
    const date = dateIn(value);
    if (!date) return false;
    report.date = date;
  } else if (label === 'title') {
    report.title = recaser.recase(value);
    draft.title ??= { value: report.title };
    const period = periodIn(value);
    if (period && !draft.period) draft.period = { value: period };
  } else {
    report.from = recaser.recase(value.replace(/^the\s+/i, ''));
    const service = /\bdirector of (.+)$/i.exec(report.from);
    if (service && !draft.service) draft.service = service[1]!.replace(/\s*&\s*/g, ' and ');
  }
  return true;
}

/** Lines that state a plan fact: the authority, a part of a larger plan, "Period: 2002-03". */
export function readFactLine(text: string, draft: Draft, atStart: boolean): boolean {
  const authority = /^((?:(?:[A-Z][\w'’-]*|of|upon|on|and|the)\s+){0,6}(?:County |City |Borough |District |Metropolitan )?Council)(?:\s*[,–-]\s*(.+))?$/.exec(text);
  if (/^key action points?:\s*[\d,\sand]+$/i.test(text)) return true;
  if (atStart && draft.authority && !draft.service && !draft.title && text.split(' ').length <= 8 && /^[A-Z][\w\s&,'’-]+$/.test(text)) {
    // The line under the council's name on a cover: its directorate.
    draft.service = text;
    return true;
  }
  if (authority && !draft.authority && atStart) {
    draft.authority = { value: authority[1]! };
    if (authority[2]) draft.service = authority[2];
    return true;
  }
  const part = /^Part\s+(\d+)\s*[-–:]\s*(.+)$/.exec(text);
  if (part && text.split(' ').length <= 12) {
    draft.part = { number: draft.part?.number || part[1]!, title: text };
    return true;
  }
  const fact = /^(plan period|period|review period|status|submitted|approved|published|national framework|national objectives?)\s*:?\s+(.+)$/i.exec(text);
  if (!fact) return false;
  const name = fact[1]!.toLowerCase();
  if (name === 'plan period' || name === 'period') {
    const period = periodIn(fact[2]!) ?? /^(?:19|20)\d\d$/.exec(fact[2]!)?.[0];
    if (period) draft.period = { value: period };
  } else if (name === 'review period') {
    const period = periodIn(fact[2]!);
    if (period) draft.reviewPeriod = period;
  } else if (name.startsWith('national objective')) {
    const objective = draft.objectives[draft.objectives.length - 1];
    const code = /\b(QP\d+|ECM\d)\b/.exec(fact[2]!)?.[1];
    if (objective && code) objective.national = { value: code };
  }
  return true;
}
