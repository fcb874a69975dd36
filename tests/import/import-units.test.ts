import { describe, expect, it } from 'vitest';
import { classifyTense } from '../../src/import/classify-tense.js';
import { findAbbreviations } from '../../src/import/find-abbreviations.js';
import { importDocument } from '../../src/import/import-document.js';
import { matchNational } from '../../src/import/match-national.js';
import { FRAMEWORKS } from '../../src/plan/frameworks.js';
import { importText, validPlan } from './helpers.js';

describe('classifyTense: achievement or action by the verb', () => {
  it.each([
    ['Increased the number of specialist foster carers.', 'achievements', true],
    ['Worked with Sure Start to develop a range of Early Years opportunities.', 'achievements', true],
    ['With PCTs, developed a LAC healthcare assessment process.', 'achievements', true],
    ['There has been a 12% decrease in repeat referrals.', 'achievements', true],
    ['In April 2001, there was a comprehensive reconfiguration.', 'achievements', true],
    ['Launched the 4U2 computers and website.', 'achievements', true],
    ['Develop new monitoring arrangements for children in private foster care.', 'actions', true],
    ['Fully implement the SSI Inspection Action Plans.', 'actions', true],
    ['With the Independent Review Unit develop a procedure for monitoring.', 'actions', true],
    ['Continue to expand DISC.', 'actions', true],
    ['There will be focused work on assessment.', 'actions', true],
    ['To develop a framework for consultation.', 'actions', true],
    ['A Recruitment Task Group has been established.', 'achievements', false],
  ])('%s → %s', (sentence, kind, sure) => {
    expect(classifyTense(sentence)).toMatchObject({ kind, sure });
  });

  it('is unsure of a verb that is the same in the past and the present', () => {
    expect(classifyTense('Set up an online information service for parents.')).toEqual({ reason: '"Set" is the same in the past and the present', sure: false });
    expect(classifyTense('Placement moves are currently at 8%.')).toMatchObject({ sure: false });
  });
});

describe('matchNational: Objective N matched by its wording', () => {
  const qp = FRAMEWORKS['quality-protects'];
  it('is sure when the wording and the number agree', () => {
    expect(matchNational(qp, 'To ensure that children are protected from emotional, physical and sexual abuse and neglect.', '2')).toEqual({ value: 'QP2' });
  });
  it('follows the wording, not the number, and says so', () => {
    expect(matchNational(qp, 'To ensure that children looked after gain the maximum life chance benefits from educational opportunities, health care and social care.', '3')).toEqual({
      value: 'QP4',
      check: 'matched to QP4 by its wording (100% the same words), though its number points to QP3',
    });
  });
});

describe('findAbbreviations: "Full Name (ABBR)"', () => {
  it('takes the words whose initials spell it, hyphens and "&" included', () => {
    const found = findAbbreviations(['Promote the care of Looked-after Children (LAC) and the Information Management & Technology (IM&T) system; the Children\'s National Service Framework (NSF.) and parents (DISC).']);
    expect(Object.fromEntries(found)).toEqual({ LAC: { value: 'Looked-after Children' }, 'IM&T': { value: 'Information Management & Technology' }, NSF: { value: 'National Service Framework' } });
  });
});

const PAPER = `PAPER C
Committee : SOCIAL SERVICES COMMITTEE
Date :12 MARCH 2003
Title :QUALITY PROTECTS MANAGEMENT ACTION PLAN 2003-2004
REPORT OF THE DIRECTOR OF SOCIAL SERVICES
SUMMARY/PURPOSE
To tell Members about the Management Action Plan (MAP) for 2003-2004.
RECOMMENDATIONS
Members are invited to endorse the plan.
Contact Point: Ann Smith, Ext: 1234
APPENDIX A
Objective 2: To ensure that children are protected from emotional, physical and sexual abuse and neglect.
• Re-registrations decreased by 10%.
• Implement the new child protection procedures.
`;

describe('importDocument on plain text', () => {
  it('reads a committee paper: header, sections, contacts, and objectives matched to QP codes', async () => {
    const { yaml, checks, counts } = await importText(PAPER, 'paper.txt');
    validPlan(yaml);
    expect(yaml).toContain('\nid: council-qp-map-2003-04\nkind: qp-map\ntitle: Quality Protects Management Action Plan 2003-2004\n');
    expect(yaml).toContain('\nreport:\n  committee: Social Services Committee\n  date: "2003-03-12"\n  paper: C\n  title: Quality Protects Management Action Plan 2003-2004\n  from: Director of Social Services\n');
    expect(yaml).toContain('\n  recommendations:\n    - Members are invited to endorse the plan.\n  contacts:\n    - name: Ann Smith\n      phone: "Ext: 1234"\n');
    expect(yaml).toContain('\nglossary:\n  MAP: Management Action Plan\n');
    // In a paper's appendix of progress, an instruction is still filed as an action, with a note.
    expect(yaml).toContain(`  - id: qp2
    number: "2"
    national: [QP2]
    achievements:
      - id: re-registrations-decreased-10
        text: Re-registrations decreased by 10%.
    actions:
      # check: filed as an action by its verb ("Implement" (an instruction)), though it is among the achievements
      - id: implement-new-child-protection
        text: Implement the new child protection procedures.
`);
    expect(counts).toEqual({ objectives: 1, achievements: 1, actions: 1, keyActions: 0, strategyItems: 0, glossary: 1, report: true });
    // The council is not named: a guess; and the filing above.
    expect(yaml).toContain('# check: the council is not named in the document: write its name\nauthority: Council\n');
    expect(checks).toBe((yaml.match(/^ *# check:/gm) ?? []).length);
    expect(checks).toBe(2);
  });

  it('files an unsure item with the items around it, and says so', async () => {
    const { yaml } = await importText('Achievements 2001-2004 and Key Actions for 2004/05\n1. Looked-after children\n• Developed a steering group.\n• Set up an awards event.\n• Implement the new protocol.\n', 'plan.txt');
    validPlan(yaml);
    expect(yaml).toContain('period: "2004-05"\nreviewPeriod: "2001-2004"\n');
    expect(yaml).toContain(`    achievements:
      - id: developed-steering-group
        text: Developed a steering group.
      # check: an achievement? "Set" is the same in the past and the present; filed with the items around it
      - id: set-up-awards-event
        text: Set up an awards event.
    actions:
      - id: implement-new-protocol
        text: Implement the new protocol.
`);
  });
});

describe('importDocument on HTML', () => {
  it('leaves out navigation, banners and footers, and reads a two-column table by its header row', async () => {
    const html = `<!doctype html><html><body><header><a href="/">Home</a></header><nav><ul><li>Contents</li></ul></nav>
      <main><p>Devon County Council, Social Services</p><h1>3.2 Children and Families</h1>
      <h2>1. Achievements 2001-2004 and Key Actions for 2004/05</h2><h3>1. Stability of care</h3>
      <table><tr><th>What we have achieved</th><th>Actions to improve performance</th></tr>
      <tr><td><ul><li>Set up a review unit.</li></ul></td><td><p>Develop the Pathfinder, including:</p><ul><li>Improved tracking.</li><li>Support the NSF.</li></ul></td></tr></table></main>
      <footer><p>Cookies</p></footer></body></html>`;
    const { yaml } = await importText(html, 'page.html');
    validPlan(yaml);
    expect(yaml).not.toMatch(/Home|Cookies|Contents/);
    expect(yaml).toContain('\nid: devon-children-and-families-2004-05\n');
    expect(yaml).toContain('authority: Devon County Council\nservice: Social Services\n');
    expect(yaml).toContain(`    achievements:
      - id: set-up-review-unit
        text: Set up a review unit.
    actions:
      - id: develop-pathfinder
        text: |-
          Develop the Pathfinder, including:

          - Improved tracking.
          - Support the NSF.
`);
  });
});

describe('importDocument refuses what is not a document, in one line', () => {
  it.each([
    ['empty.txt', new Uint8Array(0), 'the file is empty'],
    ['blank.txt', new TextEncoder().encode('  \n\n '), 'it has no text'],
    ['prose.txt', new TextEncoder().encode('Just a note about lunch.\n'), 'no plan was found in it: no objectives or themes, key action points, strategy or committee paper'],
    ['binary.bin', new Uint8Array([1, 2, 0, 4, 5]), 'it is not a document mapc can read (it is binary, not text, HTML or .docx)'],
    ['plan.docx', new TextEncoder().encode('not a zip'), 'it is not a Word document (.docx files are zip archives, and this is not one)'],
    ['locked.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'it is password-protected, or an old Word 97-2003 .doc: remove the password, or save it as .docx, and import again'],
    ['cut.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'it is a damaged Word document (its zip directory cannot be read)'],
    ['scan.pdf', new TextEncoder().encode('%PDF-1.4'), 'it is a PDF, which mapc cannot read: open it and save it as Word (.docx) or copy its text into a .txt file'],
  ])('%s', async (name, bytes, message) => {
    const outcome = await importDocument(bytes, name);
    expect(outcome).toEqual({ ok: false, problem: { severity: 'error', code: 'import/not-a-plan', message, pointer: '' } });
  });
});
