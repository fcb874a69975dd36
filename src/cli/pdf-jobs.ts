import { headingsOf } from '../pdf/pdf-outline.js';
import type { Plan } from '../plan/model.js';
import type { RenderedDocument } from '../render/render-document.js';
import { datedBy } from './document-date.js';
import type { PrintJob } from './print-documents.js';

/** The print job of one document of a plan: its PDF metadata comes from the plan. */
export function planPrintJob(source: string, plan: Plan, document: RenderedDocument, generator: string, env: NodeJS.ProcessEnv): PrintJob {
  const { date, sourceDateEpoch } = datedBy(plan, env);
  return {
    source,
    ...(sourceDateEpoch === undefined ? {} : { context: { sourceDateEpoch } }),
    document: document.name,
    output: `${document.baseName}.pdf`,
    html: document.html,
    metadata: {
      title: document.title,
      author: plan.authority,
      subject: document.subject,
      keywords: document.keywords,
      date,
      creator: generator,
      lang: 'en-GB',
      headings: headingsOf(document.html),
    },
  };
}
