import { stringify } from 'yaml';
import { FRAMEWORKS } from '../plan/frameworks.js';
import { readPeriod } from '../plan/period.js';

/**
 * The text of a new plan that validates as it is: one objective for each national
 * objective of its framework (the eleven of Quality Protects for a MAP, the five Every
 * Child Matters outcomes for a strategy), and comments showing what to add.
 */
export function newPlanText(kind: 'qp-map' | 'strategy', authority: string, period: string, schemaPath: string): string {
  // A strategy starts from the successor framework's five outcomes, a MAP from the eleven QP objectives.
  const framework = FRAMEWORKS[kind === 'qp-map' ? 'quality-protects' : 'every-child-matters'];
  const years = /^(\d{4})-(\d{2})$/.test(period) ? `${period.slice(0, 4)}-${Number(period.slice(0, 4)) + 1}` : period;
  const title = kind === 'qp-map' ? `Quality Protects Management Action Plan ${years}` : `Children's Services Strategic Plan ${years}`;
  const place = slug(authority.replace(/\s+((county|borough|city|district|metropolitan borough)\s+)?council$/i, ''));
  const objectives = framework.objectives.map((o) => `  - id: ${kind === 'qp-map' ? o.code.toLowerCase() : slug(o.wording)}\n    national: [${o.code}]\n`);
  return [
    `# yaml-language-server: $schema=${schemaPath}`,
    '#',
    `# A new plan, made by mapc init: one objective for each ${framework.name} objective, titled with`,
    '# its national wording (give an objective a `title:` to word it your way). Under each, add',
    '# what was achieved and what will be done, for example:',
    '#',
    '#    achievements:',
    '#      - Placement moves are down to 8%, against a 12% national trend.',
    '#    actions:',
    '#      - id: family-solutions',
    '#        text: Extend the Family Solutions Service to prevent family breakdown.',
    "#        lead: Head of Children's Services",
    `#        due: ${reading(period)}`,
    '#',
    '# Then: mapc validate (checks the file), mapc build (makes the documents).',
    'mapc: 1',
    `id: ${place || 'council'}-${kind}-${period}`,
    `kind: ${kind}`,
    ...(kind === 'qp-map' ? [] : [`framework: ${framework.id}`]),
    `title: ${stringify(title).trimEnd()}`,
    `authority: ${stringify(authority).trimEnd()}`,
    `period: ${period}`,
    'status: draft',
    'objectives:',
    objectives.join('').trimEnd(),
    '',
  ].join('\n');
}

/** The last day of the period, as an example due date that passes the rules. */
function reading(period: string): string {
  const r = readPeriod(period);
  return r.ok ? r.range.end : period;
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

