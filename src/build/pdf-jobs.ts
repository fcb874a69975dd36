import type { Plan } from '../plan/model.js';
import type { RenderedDocument } from '../render/render-document.js';
import { documentDatedBy } from './document-date.js';
import { documentMetadata } from './document-metadata.js';
import type { RenderedPlan } from './render-plans.js';
import type { PrintJob } from './print-documents.js';

export type OutputFormat = 'html' | 'pdf';

/** An HTML document to write as it is. */
export interface HtmlOutput {
  source: string;
  document: string;
  output: string;
  html: string;
}

/** What a build writes: HTML files as they are, and PDFs to print. */
export interface BuildOutputs {
  html: HtmlOutput[];
  pdf: PrintJob[];
}

/** The print job of one document of a plan: its PDF metadata comes from the plan. */
export function planPrintJob(source: string, plan: Plan, document: RenderedDocument, generator: string, env: NodeJS.ProcessEnv): PrintJob {
  const { date, sourceDateEpoch } = documentDatedBy(plan, document.name, env);
  return {
    source,
    ...(sourceDateEpoch === undefined ? {} : { context: { sourceDateEpoch } }),
    document: document.name,
    output: `${document.baseName}.pdf`,
    html: document.html,
    metadata: documentMetadata(document, plan.authority, date, generator),
  };
}

/** The files a set of rendered plans becomes: each document's HTML, and its PDF to print. */
export function outputsOf(rendered: RenderedPlan[], to: OutputFormat[], generator: string, env: NodeJS.ProcessEnv): BuildOutputs {
  const outputs: BuildOutputs = { html: [], pdf: [] };
  for (const { file, plan, documents } of rendered) {
    for (const document of documents) {
      if (to.includes('html')) outputs.html.push({ source: file, document: document.name, output: `${document.baseName}.html`, html: document.html });
      if (to.includes('pdf')) outputs.pdf.push(planPrintJob(file, plan, document, generator, env));
    }
  }
  return outputs;
}
