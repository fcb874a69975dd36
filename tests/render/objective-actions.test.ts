import { describe, expect, it } from 'vitest';
import { planFile, planFrom, renderAll } from '../helpers/render-plan.js';

/** Each objective's section of the MAP: its number, and the text under its Actions heading, tags dropped. */
function actionsByObjective(html: string): Map<string, string> {
  const sections = new Map<string, string>();
  for (const match of html.matchAll(/<section class="objective"[\s\S]*?Objective (\d+):[\s\S]*?<h\d>Actions<\/h\d>([\s\S]*?)(?:<h\d>Indicators|<\/section>)/g)) {
    sections.set(match[1]!, match[2]!.replace(/<li value="(\d+)">/g, '[$1] ').replace(/<\/?span[^>]*>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
  }
  return sections;
}

const mapOf = (plan: ReturnType<typeof planFrom>): string => renderAll(plan).find((d) => d.name === 'map')!.html;

describe('the MAP shows what each objective plans', () => {
  it('Isle of Wight 2002-03: the key action points are the actions, numbered as in the paper; never "No actions planned"', () => {
    const html = mapOf(planFile('plans/isle-of-wight-qp-map-2002-03.yaml'));
    expect(html).not.toContain('No actions planned');
    const actions = actionsByObjective(html);
    expect([...actions.keys()]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(actions.get('1')).toMatch(/^The key action points for this objective: \[1\] The number of looked after children.* \[2\] Recruitment and retention of foster carers/);
    expect(actions.get('8')).toBe('The key action point for this objective: [5] To develop a framework for consultation with children, parents and carers to inform service planning');
  });

  it('an objective with actions of its own shows them; one with neither says so plainly', () => {
    const plan = planFrom(`mapc: 1
id: test-map
kind: qp-map
title: Test plan
authority: Test Council
period: 2002-03
keyActions:
  - { text: Recruit foster carers., objectives: [qp1] }
objectives:
  - id: qp1
    national: [QP1]
    actions: [Extend the Family Solutions Service.]
  - id: qp2
    national: [QP2]
`);
    const actions = actionsByObjective(mapOf(plan));
    expect(actions.get('1')).toMatch(/^Actions for 2002-03: objective 1 .*Extend the Family Solutions Service\./);
    expect(actions.get('1')).not.toContain('Recruit foster carers');
    expect(actions.get('2')).toBe('No actions planned.');
  });
});
