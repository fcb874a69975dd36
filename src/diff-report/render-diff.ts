import { join } from 'node:path';
import Handlebars from 'handlebars';
import { knownExpansions } from '../plan/abbreviations.js';
import type { Plan } from '../plan/model.js';
import { AbbreviationMarker } from '../render/abbreviation-marker.js';
import type { DiffView } from './diff-view.js';
import { registerHelpers, type RenderData } from '../render/helpers.js';
import { createMarkdown } from '../render/markdown.js';
import { labelsFor, labelText } from '../plan/labels.js';
import { TemplateSet } from '../render/template-set.js';
import { frameworkNames } from '../plan/framework-referred-to.js';

export interface DiffRendererOptions {
  /** mapc's own templates folder. */
  builtInTemplates: string;
  /** For messages: template paths are shown relative to it. */
  cwd: string;
  /** Written into the document's generator meta tag. */
  generator: string;
}

export interface RenderedDiff {
  html: string;
  /** For the PDF's metadata. */
  title: string;
  subject: string;
  keywords: string[];
}

/**
 * Renders a diff as the "Changes since" paper: the same Handlebars environment, helpers,
 * shared partials (head, page-start, glossary) and stylesheets as the plans' documents,
 * so that it looks like one of them and prints through the same PDF pipeline. The diff's
 * own folder, `templates/diff/`, is layered over the built-in templates the way a user's
 * template folder is: its document, its partials and its stylesheet are added.
 */
export class DiffRenderer {
  private readonly templates: TemplateSet;
  private readonly styles: string;

  constructor(private readonly options: DiffRendererOptions) {
    const hb = Handlebars.create();
    registerHelpers(hb, createMarkdown());
    this.templates = new TemplateSet(hb, { builtIn: options.builtInTemplates, custom: join(options.builtInTemplates, 'diff'), displayRoot: options.cwd });
    this.styles = this.templates.styles();
  }

  render(view: DiffView, oldPlan: Plan, newPlan: Plan): RenderedDiff {
    // Both years' abbreviations: removed text is shown too, and may use last year's.
    const expansions = new Map([...knownExpansions(oldPlan), ...knownExpansions(newPlan)]);
    const data: RenderData = { marker: new AbbreviationMarker(expansions) };
    const shortTitle = `${view.heading}: ${newPlan.title}`;
    const labels = labelsFor(newPlan.labels);
    const html = this.templates.document('diff')(
      // The paper's own phrases are the new plan's labels.
      { ...view, labels, document: { name: 'diff', shortTitle, generator: this.options.generator }, styles: this.styles },
      { data, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
    );
    return {
      html,
      title: shortTitle,
      subject: labelText(labels.diffPdfSubject, { authority: newPlan.authority, from: oldPlan.period, to: newPlan.period }),
      keywords: [labelText(labels.diffPdfKeyword, {}), ...frameworkNames(newPlan), oldPlan.period, newPlan.period, newPlan.authority],
    };
  }
}
