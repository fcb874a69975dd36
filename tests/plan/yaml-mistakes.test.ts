// One YAML mistake is one problem, at its own line, worded with the fix; and the schema and
// the rules still run on the rest of the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlanSource } from '../../src/plan/check-plan.js';
import { ROOT } from '../helpers/mapc.js';

const IOW = readFileSync(join(ROOT, 'plans/isle-of-wight-qp-map-2002-03.yaml'), 'utf8');

/** The plan with line `line` (1-based) changed by `change`, which must change it. */
function withLine(source: string, line: number, change: (text: string) => string): string {
  const lines = source.split('\n');
  const changed = change(lines[line - 1]!);
  expect(changed).not.toBe(lines[line - 1]);
  lines[line - 1] = changed;
  return lines.join('\n');
}

function problems(source: string): string[] {
  return checkPlanSource(source).problems.map((p) => `${p.code} ${p.line}:${p.column}-${p.endColumn} ${p.message}`);
}

describe('a YAML mistake gives one problem, where it is, with the fix', () => {
  it('a tab in the indentation of a key: at the tab, with the spaces to write', () => {
    // Line 86 is "    national: [QP1]", the second key of objective qp1.
    const source = withLine(IOW, 86, (text) => text.replace(/^ {4}/, '\t'));
    expect(problems(source)).toEqual([
      "yaml/tab-indent 86:1-2 A tab is used for indentation; YAML indents with spaces only. Replace the indentation with 4 spaces to line it up with 'id:' on line 85.",
    ]);
  });

  it('a tab after spaces, under a paragraph: lined up with the key, not with the paragraph', () => {
    const source = withLine(IOW, 93, (text) => text.replace(/^ {8}/, '  \t'));
    expect(problems(source)).toEqual([
      "yaml/tab-indent 93:3-4 A tab is used for indentation; YAML indents with spaces only. Replace the indentation with 8 spaces to line it up with 'text:' on line 89.",
    ]);
  });

  it('a line indented too far: on that line (not the line above), in words', () => {
    const source = withLine(IOW, 86, (text) => ` ${text}`);
    expect(problems(source)).toEqual([
      "yaml/bad-indent 86:6-15 'national:' is indented 5 spaces, which lines it up with nothing above it. Indent it 4 spaces to line it up with 'id:' on line 85.",
    ]);
  });

  it('a top-level key indented: start it at the beginning of the line', () => {
    const source = withLine(IOW, 13, (text) => `  ${text}`);
    expect(problems(source)).toEqual([
      "yaml/bad-indent 13:3-11 'service:' is indented 2 spaces, which lines it up with nothing above it. Start it at the beginning of the line to line it up with 'authority:' on line 12.",
    ]);
  });

  it('a missing colon: at the key, with the line as it should be', () => {
    const source = withLine(IOW, 12, (text) => text.replace('authority:', 'authority'));
    expect(problems(source)).toEqual(["yaml/missing-colon 12:1-10 The key 'authority' has no colon after it. Write authority: Isle of Wight Council."]);
  });

  it('a missing colon in a list item, before a flow list', () => {
    const source = withLine(IOW, 86, (text) => text.replace('national:', 'national'));
    expect(problems(source)).toEqual(["yaml/missing-colon 86:5-13 The key 'national' has no colon after it. Write national: [QP1]."]);
  });

  it('two mistakes far apart: two problems, each at its line', () => {
    const tab = withLine(IOW, 86, (text) => text.replace(/^ {4}/, '\t'));
    const both = withLine(tab, 12, (text) => text.replace('authority:', 'authority'));
    expect(problems(both).map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual(['yaml/missing-colon 12:1-10', 'yaml/tab-indent 86:1-2']);
  });
});

describe('the schema and the rules run past a YAML mistake', () => {
  it('a YAML error, a schema error and a rule error: all three in one run, each at its place', () => {
    let source = withLine(IOW, 86, (text) => text.replace(/^ {4}/, '\t')); // YAML: a tab
    source = withLine(source, 15, (text) => text.replace('status:', 'statsu:')); // schema: an unknown key
    source = withLine(source, 93, (text) => text.replace('placement-moves,', 'placement-mvoes,')); // rule: an unknown indicator
    const found = checkPlanSource(source).problems.map((p) => `${p.code} ${p.line}:${p.column}`);
    expect(found).toEqual(['schema/unknown-key 15:1', 'yaml/tab-indent 86:1', 'rule/unknown-reference 93:22']);
  });

  it('places a later problem on a mended line in the text as written', () => {
    // The tab (one character) stands for four spaces: the bad code is still found at its own column.
    const source = withLine(IOW, 86, (text) => text.replace('    national: [QP1]', '\tnational: [QP99]'));
    const found = checkPlanSource(source).problems.map((p) => `${p.code} ${p.line}:${p.column}-${p.endColumn}`);
    // (And QP1, no longer named, is reported missing from the MAP's coverage.)
    expect(found).toEqual(['rule/framework-coverage 84:1-11', 'yaml/tab-indent 86:1-2', 'rule/unknown-national-code 86:13-17']);
  });

  it('a mended file gives no model (it is not the file as written), though every check ran', () => {
    const check = checkPlanSource(withLine(IOW, 86, (text) => text.replace(/^ {4}/, '\t')));
    expect(check.plan).toBeUndefined();
    expect(check.notChecked).toBeUndefined();
  });

  it('says which checks could not run: after a YAML error it cannot read past, neither the format nor the rules', () => {
    const check = checkPlanSource(withLine(IOW, 11, (text) => text.replace('title: ', 'title: "')));
    expect(check.problems.map((p) => p.code)).toEqual(['yaml/syntax']);
    expect(check.notChecked).toEqual(['schema', 'rules']);
  });

  it('says which checks could not run: after a missing period (which the rules judge dates by), the rules', () => {
    const check = checkPlanSource(IOW.replace(/^period: .*\n/m, ''));
    expect(check.problems.map((p) => p.code)).toEqual(['schema/missing-key']);
    expect(check.notChecked).toEqual(['rules']);
  });
});
