import type { Plan } from '../plan/model.js';
import { labelsFor, labelText, type Labels } from '../plan/labels.js';

/** What the contents page of a multi-part document shows: every key present, as for plans. */
export interface ContentsView {
  id: string;
  title: string;
  authority: string;
  /** The parts' periods, for the page's description. */
  period: string;
  isDraft: boolean;
  statusLabel: string;
  parts: { number: string | null; title: string; group: string | null; href: string; pdfHref: string | null; isDraft: boolean }[];
  combinedPdfHref: string | null;
  document: { name: string; shortTitle: string };
  /** mapc.yaml's labels over the defaults. */
  labels: Labels;
}

export interface ContentsPart {
  plan: Plan;
  /** The part's HTML file, relative to the contents page. */
  href: string;
  pdfHref: string | null;
}

export function buildContentsView(project: { id: string; title: string; authority: string; labels?: Record<string, string> }, parts: ContentsPart[], combinedPdfHref: string | null): ContentsView {
  const drafts = parts.filter((p) => p.plan.isDraft).length;
  const labels = labelsFor({}, project.labels);
  return {
    id: project.id,
    title: project.title,
    authority: project.authority,
    period: [...new Set(parts.map((p) => p.plan.period))].join(', '),
    isDraft: drafts > 0,
    statusLabel: drafts === 1 ? labels.onePartDraft : labelText(labels.partsDraft, { count: drafts }),
    parts: parts.map(({ plan, href, pdfHref }) => ({
      number: plan.part?.number ?? null,
      title: plan.title,
      group: plan.part?.title ?? null,
      href,
      pdfHref,
      isDraft: plan.isDraft,
    })),
    combinedPdfHref,
    document: { name: 'contents', shortTitle: project.title },
    // The draft notice (partials/draft-notice.hbs) speaks of the whole document here, not of one plan.
    labels: { ...labels, draftNotice: labels.draftPartsNotice },
  };
}
