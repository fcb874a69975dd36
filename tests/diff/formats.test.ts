import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiffJson } from '../../src/diff-report/format-json.js';
import { formatDiffMarkdown } from '../../src/diff-report/format-markdown.js';
import { formatDiffText } from '../../src/diff-report/format-text.js';
import { diffPlans } from '../../src/diff/diff-plans.js';
import { buildDiffView } from '../../src/diff-report/diff-view.js';
import { DiffRenderer } from '../../src/diff-report/render-diff.js';
import { planFrom } from '../helpers/render-plan.js';
import { ROOT } from '../helpers/mapc.js';

const plan = (period: string, actions: string) => `mapc: 1
id: test-${period}
kind: strategy
title: Test ${period}
authority: Test Council
period: ${period}
objectives:
  - id: first
    title: First
    actions:
${actions}`;

// Paired only by fairly similar wording (62% alike): every format must say so.
const before = planFrom(plan('2002-03', '      - Recruit and retain foster carers, with better support and training.\n      - { id: guide, text: "Publish a guide for parents, *with* <b>care</b> | pipes", due: 2003-03 }\n'));
const after = planFrom(plan('2003-04', '      - Recruit more foster carers and keep them, with support.\n      - { id: guide, text: "Publish a guide for parents, *with* <b>care</b> | pipes", due: 2003-09 }\n'));
const diff = diffPlans(before, after);
const files = { old: 'old.yaml', new: 'new.yaml' };
const view = buildDiffView(diff, before, after, files, { detail: true });

describe('every format', () => {
  it('marks a low-confidence match', () => {
    const json = JSON.parse(formatDiffJson(diff, files));
    expect(json.changes.find((c: { entity: string }) => c.entity === 'action').match).toEqual({ rule: 'similar', similarity: 0.62, confidence: 'low' });
    expect(json.followThrough[0]).toMatchObject({ outcome: 'carried-forward', match: { confidence: 'low' } });
    expect(formatDiffText(view, { color: false })).toContain(
      '  ~ Changed action: Recruit more foster carers and keep them, with support. ≈ check\n' +
        '      rewritten; it was: Recruit and retain foster carers, with better support and training.\n' +
        '      matched by similar wording, 62% alike: low confidence, please check\n',
    );
    expect(formatDiffMarkdown(view)).toContain('≈ **check**');
    const html = new DiffRenderer({ builtInTemplates: join(ROOT, 'templates'), cwd: ROOT, generator: 'test' }).render(view, before, after).html;
    expect(html).toContain('<span class="check">≈ Please check this match.</span>');
    // The sentence is a label (diffLowConfidenceOne), its apostrophe escaped as every label's text is.
    expect(html).toContain('<strong>≈ Please check:</strong> 1 item was paired with last year&#39;s only by similar wording');
  });

  it('tells a carried action\'s new due date, later', () => {
    expect(view.followThrough.map((f) => f.detail)).toEqual(['Still open (objective 1).', 'Still open (objective 1), now due September 2003 (was March 2003, later).']);
    expect(diff.summary.followThrough).toMatchObject({ carriedForward: 1, carriedForwardLater: 1 });
  });

  it('shows plan text as text: no markdown or HTML of the plan\'s takes effect', () => {
    const markdown = formatDiffMarkdown(view);
    expect(markdown).toContain('Publish a guide for parents, \\*with\\* &lt;b&gt;care&lt;/b&gt; \\| pipes');
    expect(markdown).not.toContain('<b>');
  });
});
