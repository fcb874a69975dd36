import type { Block } from './blocks.js';
import type { ListKind } from './classify-tense.js';
import { emptyDraft, type Draft, type DraftObjective, type DraftReport } from './draft.js';
import { ItemPlacer, itemMarkdown } from './place-items.js';
import { dateIn, periodIn } from './periods.js';
import { headingRole } from './recognise-lines.js';
import { contactFrom, isContactLine } from './recognise-contacts.js';
import { strategyItem, strategyItemFromParagraph } from './recognise-strategy.js';
import { Recaser } from './recase.js';

type Mode = 'start' | 'report' | 'key-actions' | 'emphases' | 'objectives' | 'strategy' | 'glossary' | 'contacts' | 'skip';
type ReportField = 'purpose' | 'background' | 'conclusion' | 'recommendations' | 'backgroundPapers';

/**
 * Walks a document's blocks once, in order, and fills a draft plan: a committee paper's
 * header and sections, key action points and emphases, objectives or themes with their
 * achievements and actions, a medium-term strategy, a glossary. Each heading says what
 * follows it; what nothing claims is kept as unplaced text.
 */
export function recogniseDocument(blocks: Block[], recaser: Recaser): Draft {
  const draft = emptyDraft();
  let mode: Mode = 'start';
  let field: ReportField | undefined;
  let section: DraftReport['sections'][number] | undefined;
  let placer: ItemPlacer | undefined;
  let list: ListKind | undefined;
  let fallback: ListKind | undefined;
  let inAppendix = false;
  let signature: { name: string } | undefined;
  let afterList = false;
  const report = (): DraftReport => (draft.report ??= { sections: [], recommendations: [], backgroundPapers: [], contacts: [] });
  const closeObjective = () => {
    placer?.finish();
    placer = undefined;
  };
  const openObjective = (objective: DraftObjective) => {
    closeObjective();
    draft.objectives.push(objective);
    placer = new ItemPlacer(objective);
    list = undefined;
  };
  const appendReport = (text: string) => {
    const r = report();
    if (mode === 'key-actions' || (section && (section.include || afterList))) {
      if (section && (section.include || afterList)) section.closing = join(section.closing, text);
      return;
    }
    if (section) section.body = join(section.body, text);
    else if (field === 'recommendations' || field === 'backgroundPapers') r[field].push(text);
    else if (field) r[field] = join(r[field], text);
    else draft.unplaced.push(text);
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if (block.type === 'heading' || block.type === 'paragraph') {
      const text = block.text;
      if (mode === 'start' || !draft.report?.from) {
        if (readHeaderLine(text, draft, recaser)) continue;
      }
      if (readFactLine(text, draft, mode === 'start')) continue;
      // mapc's own MAP lists an objective's key action points again under its Actions; they are read once, from their own section.
      if (/^the key action points? for this objective:$/i.test(text) && next?.type === 'list') {
        i++;
        continue;
      }
      if (mode === 'contacts' || isContactLine(text)) {
        // The signature: a name in capitals ("C WADDICOR"), then the signatory's role.
        if ((block.type === 'heading' ? headingRole(text).role === 'other' : isCapitalsHeading(text)) && text.split(' ').length <= 4 && !/\d/.test(text)) {
          signature = { name: Recaser.name(text) };
          mode = 'contacts';
          continue;
        }
        if (signature && block.type === 'paragraph' && !report().signedBy) {
          report().signedBy = { name: signature.name, role: text };
          continue;
        }
        const contact = block.type === 'paragraph' ? contactFrom(text) : undefined;
        if (contact) {
          report().contacts.push(contact);
          mode = 'contacts';
          continue;
        }
      }
    }
    if (block.type === 'heading') {
      const role = headingRole(block.text);
      afterList = false;
      if (mode === 'skip' && role.role === 'other' && block.level > 2) continue;
      switch (role.role) {
        case 'objective':
          openObjective({ number: role.number, title: role.title, achievements: [], actions: [] });
          mode = 'objectives';
          fallback = inAppendix ? 'achievements' : undefined;
          continue;
        case 'theme':
          if (mode === 'report' || mode === 'contacts') break;
          openObjective({ number: role.number, title: role.title, achievements: [], actions: [] });
          mode = 'objectives';
          continue;
        case 'part':
          if (draft.title) break;
          draft.part = { number: role.number, title: draft.part?.title ?? '' };
          draft.title = { value: role.title };
          continue;
        case 'review':
          closeObjective();
          if (role.period) draft.period = { value: role.period };
          if (role.reviewPeriod) draft.reviewPeriod = role.reviewPeriod;
          mode = 'objectives';
          continue;
        case 'report':
          closeObjective();
          mode = 'report';
          field = role.field;
          section = undefined;
          report();
          continue;
        case 'appendix':
          closeObjective();
          inAppendix = true;
          mode = 'objectives';
          continue;
        case 'key-actions':
          closeObjective();
          mode = 'key-actions';
          section = draft.report ? { heading: recaser.recase(block.text), body: '', include: 'keyActions' } : undefined;
          if (section) report().sections.push(section);
          section && isCapitalsHeading(block.text) && (section.check = 'heading re-cased from capitals');
          continue;
        case 'emphases':
          closeObjective();
          mode = 'emphases';
          continue;
        case 'strategy':
          closeObjective();
          mode = 'strategy';
          draft.strategy = { title: role.title, ...(role.horizon ? { horizon: role.horizon } : {}), items: [] };
          continue;
        case 'list':
          if (placer) list = role.list;
          continue;
        case 'glossary':
          closeObjective();
          mode = 'glossary';
          continue;
        case 'skip':
          if (mode !== 'objectives' || !placer || block.level <= 2) closeObjective();
          mode = 'skip';
          continue;
        case 'other':
          break;
      }
      if (draft.report && mode !== 'objectives' && mode !== 'strategy') {
        closeObjective();
        mode = 'report';
        field = undefined;
        section = { heading: recaser.recase(block.text), body: '' };
        if (isCapitalsHeading(block.text)) section.check = 'heading re-cased from capitals';
        report().sections.push(section);
        continue;
      }
      if (!draft.title && block.level <= 1) {
        draft.title = { value: recaser.recase(block.text) };
        continue;
      }
      if (mode === 'skip') continue;
      if (placer && mode === 'objectives') {
        placer.add(block.text, list, fallback, 'a heading in the document: check it is an item');
        continue;
      }
      draft.unplaced.push(block.text);
      continue;
    }

    switch (mode) {
      case 'skip':
        continue;
      case 'glossary':
        if (block.type === 'paragraph') {
          const entry = /^([A-Z][A-Za-z&]*[A-Z][a-z]?)\s*[:–-]\s*(.+)$/.exec(block.text);
          if (entry) draft.glossary.set(entry[1]!, { value: entry[2]! });
        }
        continue;
      case 'strategy':
        if (block.type === 'list') draft.strategy!.items.push(...block.items.map(strategyItem));
        else if (block.type === 'paragraph') {
          const item = strategyItemFromParagraph(block.text);
          if (item) draft.strategy!.items.push(item);
          else draft.unplaced.push(block.text);
        }
        continue;
      case 'emphases':
        if (block.type === 'list') draft.emphases.push(...block.items.map(itemMarkdown));
        else if (block.type === 'paragraph') draft.unplaced.push(block.text);
        continue;
      case 'key-actions':
        if (block.type === 'list' && draft.keyActions.length === 0) {
          draft.keyActions.push(...block.items.map((item) => keyAction(itemMarkdown(item))));
          afterList = true;
        } else if (block.type === 'paragraph') {
          if (section && !afterList) section.body = join(section.body, block.text);
          else if (section) section.closing = join(section.closing, block.text);
          else draft.unplaced.push(block.text);
        }
        continue;
      case 'objectives':
        if (placer) {
          if (block.type === 'paragraph' && block.text.endsWith(':') && next?.type === 'list') {
            placer.addBlocks([block, next], list, fallback);
            i++;
          } else placer.addBlocks([block], list, fallback);
        } else if (block.type === 'paragraph' && !/^(what we have achieved|actions\b)/i.test(block.text)) draft.unplaced.push(block.text);
        continue;
      case 'report':
      case 'contacts':
      case 'start':
        if (block.type === 'list') {
          if (section && !section.include && /\bemphas[ie]s\b[^.]*:$/i.test(section.body) && draft.emphases.length === 0) {
            draft.emphases.push(...block.items.map(itemMarkdown));
            section.include = 'emphases';
            continue;
          }
          if (field === 'recommendations' || field === 'backgroundPapers') {
            if (!section) report()[field].push(...block.items.map(itemMarkdown));
            continue;
          }
          const markdown = block.items.map((item) => `- ${itemMarkdown(item).replace(/\n/g, '\n  ')}`).join('\n');
          if (mode === 'start' && !draft.report) draft.unplaced.push(markdown);
          else appendReport(markdown);
        } else if (block.type === 'paragraph') {
          if (mode === 'start' && !draft.report) draft.unplaced.push(block.text);
          else appendReport(block.text);
        } else if (block.type === 'table') {
          draft.unplaced.push(...block.rows.flat(2).flatMap((b) => (b.type === 'paragraph' || b.type === 'heading' ? [b.text] : b.type === 'list' ? b.items.map(itemMarkdown) : [])));
        }
        continue;
    }
  }
  closeObjective();
  if (signature && !draft.report?.signedBy) report().signedBy = { name: signature.name, role: '' };
  return draft;
}

/** Committee paper header lines: "PAPER B", "Committee : …", "Date :30 APRIL 2002", "Title :…", "Report of the …". */
function readHeaderLine(text: string, draft: Draft, recaser: Recaser): boolean {
  const paper = /^paper\s*(?:no\.?|number)?\s*:?\s*([A-Z0-9][\w/.-]{0,15})$/i.exec(text);
  const labelled = /^(committee|date|title|meeting|report (?:of|by|from))\s*(?::|\s)\s*(.+)$/i.exec(text);
  if (paper && !draft.report?.paper) {
    (draft.report ??= { sections: [], recommendations: [], backgroundPapers: [], contacts: [] }).paper = paper[1]!;
    return true;
  }
  if (!labelled) return false;
  const label = labelled[1]!.toLowerCase();
  const value = labelled[2]!.trim();
  if (label !== 'committee' && label !== 'date' && !label.startsWith('report') && !draft.report) return false;
  const report = (draft.report ??= { sections: [], recommendations: [], backgroundPapers: [], contacts: [] });
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
function readFactLine(text: string, draft: Draft, atStart: boolean): boolean {
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

/** A key action point, with the objectives it serves when printed after it: "(Objectives 1, 3)". */
function keyAction(text: string) {
  const serves = /\s*\(Objectives?\s+([\d,\sand]+)\)\s*$/.exec(text);
  return { text: serves ? text.slice(0, serves.index) : text, objectiveNumbers: serves ? serves[1]!.split(/[^\d]+/).filter(Boolean) : [] };
}

function join(before: string | undefined, text: string): string {
  return before ? `${before}\n\n${text}` : text;
}

function isCapitalsHeading(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 1 && letters === letters.toUpperCase();
}
