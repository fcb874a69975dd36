import { FRAMEWORKS, findNationalObjective } from '../plan/frameworks.js';
import type { Guess } from './draft.js';
import { IdMaker } from './make-ids.js';
import type { Settled } from './settle-draft.js';
import { YamlLines } from './yaml-text.js';

/**
 * The draft as a plan file: the keys in the order of the plan format, every guess with
 * its `# check:` comment on the line before it, ids made from the text.
 */
export function writePlanYaml(plan: Settled, source: string, schemaPath: string | undefined): { yaml: string; checks: number } {
  const y = new YamlLines();
  if (schemaPath) y.comment(0, `yaml-language-server: $schema=${schemaPath}`);
  y.comment(0, `Imported by mapc import from ${source.replace(/[\r\n]+/g, ' ')}.`);
  y.comment(0, 'A draft: read each "# check:" note, correct what it is about, then delete the note.');
  y.field(0, 'mapc', 1);
  y.field(0, 'id', plan.id);
  guessed(y, 0, 'kind', plan.kind);
  guessed(y, 0, 'title', plan.title);
  guessed(y, 0, 'authority', plan.authority);
  y.field(0, 'service', plan.service);
  guessed(y, 0, 'period', plan.period);
  y.field(0, 'reviewPeriod', plan.reviewPeriod);
  y.field(0, 'status', 'draft');
  if (plan.framework !== 'quality-protects') y.field(0, 'framework', plan.framework);
  if (plan.part) {
    y.key(0, 'part');
    y.field(2, 'number', plan.part.number);
    y.field(2, 'title', plan.part.title);
  }
  if (plan.unplaced.length > 0) {
    y.check(0, 'text mapc import could not place in the plan: move each paragraph where it belongs, or delete it');
    y.field(0, 'summary', plan.unplaced.join('\n\n'));
  }
  if (plan.emphases.length > 0) {
    y.key(0, 'emphases');
    for (const emphasis of plan.emphases) y.item(2, emphasis);
  }
  const ids = new IdMaker();
  if (plan.keyActions.length > 0) {
    y.key(0, 'keyActions');
    for (const keyAction of plan.keyActions) {
      y.field(2, 'id', ids.make(keyAction.text), '- ');
      y.field(4, 'text', keyAction.text);
      if (keyAction.objectives.length > 0) y.raw(`    objectives: [${keyAction.objectives.join(', ')}]`);
    }
  }
  const framework = FRAMEWORKS[plan.framework];
  y.key(0, 'objectives');
  for (const objective of plan.objectives) {
    y.field(2, 'id', objective.id, '- ');
    y.field(4, 'number', objective.number);
    const wording = objective.national ? findNationalObjective(framework, objective.national.value)?.wording : undefined;
    if (!wording || normalise(wording) !== normalise(objective.title)) y.field(4, 'title', objective.title);
    if (objective.national) {
      y.check(4, objective.national.check);
      y.raw(`    national: [${objective.national.value}]`);
    }
    for (const list of ['achievements', 'actions'] as const) {
      if (objective[list].length === 0) continue;
      y.key(4, list);
      for (const item of objective[list]) {
        y.check(6, item.check);
        y.field(6, 'id', ids.make(item.text.split('\n')[0]!), '- ');
        y.field(8, 'text', item.text);
      }
    }
  }
  if (plan.strategy && plan.strategy.items.length > 0) {
    y.key(0, 'strategy');
    y.field(2, 'title', plan.strategy.title);
    guessed(y, 2, 'horizon', plan.strategy.horizon);
    y.key(2, 'items');
    for (const item of plan.strategy.items) {
      y.field(4, 'id', ids.make(item.title), '- ');
      y.field(6, 'title', item.title);
      y.field(6, 'text', item.text);
      if (item.targets.length === 0) continue;
      y.key(6, 'targets');
      for (const target of item.targets) {
        y.field(8, 'text', target.text, '- ');
        y.field(10, 'value', target.value);
        y.field(10, 'unit', target.unit);
        y.field(10, 'by', target.by);
      }
    }
  }
  if (plan.glossary.length > 0) {
    y.key(0, 'glossary');
    for (const [abbreviation, expansion] of plan.glossary) {
      y.check(2, expansion.check);
      y.field(2, JSON.stringify(abbreviation).slice(1, -1) === abbreviation && /^[A-Za-z]/.test(abbreviation) ? abbreviation : JSON.stringify(abbreviation), expansion.value);
    }
  }
  if (plan.report) writeReport(y, plan.report);
  return { yaml: y.text(), checks: y.checks };
}

function writeReport(y: YamlLines, report: NonNullable<Settled['report']>): void {
  y.key(0, 'report');
  guessed(y, 2, 'committee', report.committee);
  y.field(2, 'date', report.date);
  y.field(2, 'paper', report.paper);
  y.field(2, 'title', report.title);
  guessed(y, 2, 'from', report.from);
  guessed(y, 2, 'purpose', report.purpose);
  y.field(2, 'background', report.background);
  if (report.sections.length > 0) {
    y.key(2, 'sections');
    for (const section of report.sections) {
      y.check(4, section.check);
      y.field(4, 'heading', section.heading, '- ');
      y.field(6, 'body', section.body);
      y.field(6, 'include', section.include);
      y.field(6, 'closing', section.closing);
    }
  }
  y.field(2, 'conclusion', report.conclusion);
  y.check(2, report.recommendations.check);
  y.key(2, 'recommendations');
  for (const recommendation of report.recommendations.value) y.item(4, recommendation);
  if (report.backgroundPapers.length > 0) {
    y.key(2, 'backgroundPapers');
    for (const paper of report.backgroundPapers) y.item(4, paper);
  }
  if (report.contacts.length > 0) {
    y.key(2, 'contacts');
    for (const contact of report.contacts) {
      y.field(4, 'name', contact.name, '- ');
      y.field(6, 'role', contact.role);
      y.field(6, 'phone', contact.phone);
      y.field(6, 'email', contact.email);
    }
  }
  if (report.signedBy) {
    y.key(2, 'signedBy');
    y.field(4, 'name', report.signedBy.name);
    y.field(4, 'role', report.signedBy.role);
  }
}

function guessed(y: YamlLines, indent: number, key: string, value: Guess<string> | undefined): void {
  if (!value) return;
  y.check(indent, value.check);
  y.field(indent, key, value.value);
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
