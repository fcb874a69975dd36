import type { Block } from './blocks.js';
import type { ListKind } from './classify-tense.js';
import { emptyDraft, reportOf, type Draft, type DraftObjective, type DraftReport } from './draft.js';
import { ItemPlacer, itemMarkdown } from './place-items.js';
import { readFactLine, readHeaderLine } from './recognise-fact-lines.js';
import { headingRole } from './recognise-lines.js';
import { contactFrom, isContactLine } from './recognise-contacts.js';
import { strategyItem, strategyItemFromParagraph } from './recognise-strategy.js';
import { Recaser } from './recase.js';

type Mode = 'start' | 'report' | 'key-actions' | 'emphases' | 'objectives' | 'strategy' | 'glossary' | 'contacts' | 'skip';
type ReportField = 'purpose' | 'background' | 'conclusion' | 'recommendations' | 'backgroundPapers';
type TextBlock = Extract<Block, { type: 'heading' | 'paragraph' }>;
type Heading = Extract<Block, { type: 'heading' }>;

/**
 * Walks a document's blocks once, in order, and fills a draft plan: a committee paper's
 * header and sections, key action points and emphases, objectives or themes with their
 * achievements and actions, a medium-term strategy, a glossary. Each heading says what
 * follows it; what nothing claims is kept as unplaced text.
 */
export function recogniseDocument(blocks: Block[], recaser: Recaser): Draft {
  return new DocumentWalk(recaser).read(blocks);
}

/** The walk's state: where in the document it is (`mode`), and what it is filling. */
class DocumentWalk {
  private readonly draft = emptyDraft();
  private mode: Mode = 'start';
  private field: ReportField | undefined;
  private section: DraftReport['sections'][number] | undefined;
  private placer: ItemPlacer | undefined;
  private list: ListKind | undefined;
  private fallback: ListKind | undefined;
  private inAppendix = false;
  private signature: { name: string } | undefined;
  private afterList = false;

  constructor(private readonly recaser: Recaser) {}

  read(blocks: Block[]): Draft {
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      const next = blocks[i + 1];
      // Each reader gives how many blocks it read: a line may take the list after it too.
      const line = block.type === 'heading' || block.type === 'paragraph' ? this.readLine(block, next) : 0;
      const read = line > 0 ? line : block.type === 'heading' ? this.readHeading(block) : this.readContent(block, next);
      i += read - 1;
    }
    this.closeObjective();
    if (this.signature && !this.draft.report?.signedBy) this.report().signedBy = { name: this.signature.name, role: '' };
    return this.draft;
  }

  /** A line that says something whatever the section: the paper's header, a plan fact, a contact, the signature. 0 when it is none. */
  private readLine(block: TextBlock, next: Block | undefined): number {
    const { draft } = this;
    const text = block.text;
    if (this.mode === 'start' || !draft.report?.from) {
      if (readHeaderLine(text, draft, this.recaser)) return 1;
    }
    if (readFactLine(text, draft, this.mode === 'start')) return 1;
    // mapc's own MAP lists an objective's key action points again under its Actions; they are read once, from their own section.
    if (/^the key action points? for this objective:$/i.test(text) && next?.type === 'list') return 2;
    if (this.mode === 'contacts' || isContactLine(text)) {
      // The signature: a name in capitals ("C WADDICOR"), then the signatory's role.
      if ((block.type === 'heading' ? headingRole(text).role === 'other' : isCapitalsHeading(text)) && text.split(' ').length <= 4 && !/\d/.test(text)) {
        this.signature = { name: Recaser.name(text) };
        this.mode = 'contacts';
        return 1;
      }
      if (this.signature && block.type === 'paragraph' && !this.report().signedBy) {
        this.report().signedBy = { name: this.signature.name, role: text };
        return 1;
      }
      const contact = block.type === 'paragraph' ? contactFrom(text) : undefined;
      if (contact) {
        this.report().contacts.push(contact);
        this.mode = 'contacts';
        return 1;
      }
    }
    return 0;
  }

  /** A heading: it opens what follows it (an objective, a section of the paper, the glossary…), or is an item or a title itself. */
  private readHeading(block: Heading): number {
    const { draft } = this;
    const role = headingRole(block.text);
    this.afterList = false;
    if (this.mode === 'skip' && role.role === 'other' && block.level > 2) return 1;
    switch (role.role) {
      case 'objective':
        this.openObjective({ number: role.number, title: role.title, achievements: [], actions: [] });
        this.mode = 'objectives';
        this.fallback = this.inAppendix ? 'achievements' : undefined;
        return 1;
      case 'theme':
        if (this.mode === 'report' || this.mode === 'contacts') break;
        this.openObjective({ number: role.number, title: role.title, achievements: [], actions: [] });
        this.mode = 'objectives';
        return 1;
      case 'part':
        if (draft.title) break;
        draft.part = { number: role.number, title: draft.part?.title ?? '' };
        draft.title = { value: role.title };
        return 1;
      case 'review':
        this.closeObjective();
        if (role.period) draft.period = { value: role.period };
        if (role.reviewPeriod) draft.reviewPeriod = role.reviewPeriod;
        this.mode = 'objectives';
        return 1;
      case 'report':
        this.closeObjective();
        this.mode = 'report';
        this.field = role.field;
        this.section = undefined;
        this.report();
        return 1;
      case 'appendix':
        this.closeObjective();
        this.inAppendix = true;
        this.mode = 'objectives';
        return 1;
      case 'key-actions':
        this.closeObjective();
        this.mode = 'key-actions';
        this.section = draft.report ? { heading: this.recaser.recase(block.text), body: '', include: 'keyActions' } : undefined;
        if (this.section) {
          this.report().sections.push(this.section);
          if (isCapitalsHeading(block.text)) this.section.check = 'heading re-cased from capitals';
        }
        return 1;
      case 'emphases':
        this.closeObjective();
        this.mode = 'emphases';
        return 1;
      case 'strategy':
        this.closeObjective();
        this.mode = 'strategy';
        draft.strategy = { title: role.title, ...(role.horizon ? { horizon: role.horizon } : {}), items: [] };
        return 1;
      case 'list':
        if (this.placer) this.list = role.list;
        return 1;
      case 'glossary':
        this.closeObjective();
        this.mode = 'glossary';
        return 1;
      case 'skip':
        if (this.mode !== 'objectives' || !this.placer || block.level <= 2) this.closeObjective();
        this.mode = 'skip';
        return 1;
      case 'other':
        break;
    }
    if (draft.report && this.mode !== 'objectives' && this.mode !== 'strategy') {
      this.closeObjective();
      this.mode = 'report';
      this.field = undefined;
      this.section = { heading: this.recaser.recase(block.text), body: '' };
      if (isCapitalsHeading(block.text)) this.section.check = 'heading re-cased from capitals';
      this.report().sections.push(this.section);
      return 1;
    }
    if (!draft.title && block.level <= 1) {
      draft.title = { value: this.recaser.recase(block.text) };
      return 1;
    }
    if (this.mode === 'skip') return 1;
    if (this.placer && this.mode === 'objectives') {
      this.placer.add(block.text, this.list, this.fallback, 'a heading in the document: check it is an item');
      return 1;
    }
    draft.unplaced.push(block.text);
    return 1;
  }

  /** A paragraph, list or table, read as the section it is in says. */
  private readContent(block: Exclude<Block, Heading>, next: Block | undefined): number {
    const { draft, section } = this;
    switch (this.mode) {
      case 'skip':
        return 1;
      case 'glossary':
        if (block.type === 'paragraph') {
          const entry = /^([A-Z][A-Za-z&]*[A-Z][a-z]?)\s*[:–-]\s*(.+)$/.exec(block.text);
          if (entry) draft.glossary.set(entry[1]!, { value: entry[2]! });
        }
        return 1;
      case 'strategy':
        if (block.type === 'list') draft.strategy!.items.push(...block.items.map(strategyItem));
        else if (block.type === 'paragraph') {
          const item = strategyItemFromParagraph(block.text);
          if (item) draft.strategy!.items.push(item);
          else draft.unplaced.push(block.text);
        }
        return 1;
      case 'emphases':
        if (block.type === 'list') draft.emphases.push(...block.items.map(itemMarkdown));
        else if (block.type === 'paragraph') draft.unplaced.push(block.text);
        return 1;
      case 'key-actions':
        if (block.type === 'list' && draft.keyActions.length === 0) {
          draft.keyActions.push(...block.items.map((item) => keyAction(itemMarkdown(item))));
          this.afterList = true;
        } else if (block.type === 'paragraph') {
          if (section && !this.afterList) section.body = join(section.body, block.text);
          else if (section) section.closing = join(section.closing, block.text);
          else draft.unplaced.push(block.text);
        }
        return 1;
      case 'objectives':
        if (this.placer) {
          // A paragraph that leads into a list (it ends with a colon) is read with it.
          if (block.type === 'paragraph' && block.text.endsWith(':') && next?.type === 'list') {
            this.placer.addBlocks([block, next], this.list, this.fallback);
            return 2;
          }
          this.placer.addBlocks([block], this.list, this.fallback);
        } else if (block.type === 'paragraph' && !/^(what we have achieved|actions\b)/i.test(block.text)) draft.unplaced.push(block.text);
        return 1;
      case 'report':
      case 'contacts':
      case 'start':
        this.readPaperContent(block);
        return 1;
    }
  }

  /** A paragraph, list or table of the committee paper (or before anything is known). */
  private readPaperContent(block: Exclude<Block, Heading>): void {
    const { draft, section, field } = this;
    if (block.type === 'list') {
      if (section && !section.include && /\bemphas[ie]s\b[^.]*:$/i.test(section.body) && draft.emphases.length === 0) {
        draft.emphases.push(...block.items.map(itemMarkdown));
        section.include = 'emphases';
        return;
      }
      if (field === 'recommendations' || field === 'backgroundPapers') {
        if (!section) this.report()[field].push(...block.items.map(itemMarkdown));
        return;
      }
      const markdown = block.items.map((item) => `- ${itemMarkdown(item).replace(/\n/g, '\n  ')}`).join('\n');
      if (this.mode === 'start' && !draft.report) draft.unplaced.push(markdown);
      else this.appendReport(markdown);
    } else if (block.type === 'paragraph') {
      if (this.mode === 'start' && !draft.report) draft.unplaced.push(block.text);
      else this.appendReport(block.text);
    } else if (block.type === 'table') {
      draft.unplaced.push(...block.rows.flat(2).flatMap((b) => (b.type === 'paragraph' || b.type === 'heading' ? [b.text] : b.type === 'list' ? b.items.map(itemMarkdown) : [])));
    }
  }

  /** Text of the paper: to its section, or to the field its heading named (purpose, background…). */
  private appendReport(text: string): void {
    const { section, field } = this;
    const r = this.report();
    if (this.mode === 'key-actions' || (section && (section.include || this.afterList))) {
      if (section && (section.include || this.afterList)) section.closing = join(section.closing, text);
      return;
    }
    if (section) section.body = join(section.body, text);
    else if (field === 'recommendations' || field === 'backgroundPapers') r[field].push(text);
    else if (field) r[field] = join(r[field], text);
    else this.draft.unplaced.push(text);
  }

  private report(): DraftReport {
    return reportOf(this.draft);
  }

  private openObjective(objective: DraftObjective): void {
    this.closeObjective();
    this.draft.objectives.push(objective);
    this.placer = new ItemPlacer(objective);
    this.list = undefined;
  }

  private closeObjective(): void {
    this.placer?.finish();
    this.placer = undefined;
  }
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
