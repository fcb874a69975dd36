import { formatDate } from '../plan/format-date.js';
import type { Report } from '../plan/model.js';

/** The committee paper as templates see it. */
export interface ReportView {
  committee: string;
  date: string;
  paper: string | null;
  title: string;
  from: string;
  purpose: string;
  background: string | null;
  sections: { heading: string; body: string; includesEmphases: boolean; includesKeyActions: boolean; closing: string | null }[];
  /** Whether a section prints these lists; if not, the paper prints them in their default place. */
  sectionsIncludeEmphases: boolean;
  sectionsIncludeKeyActions: boolean;
  conclusion: string | null;
  recommendations: string[];
  backgroundPapers: string[];
  /** The same, each with a link to the plan's own document when the paper is the plan itself (its title). */
  backgroundPaperLinks: { text: string; href: string | null }[];
  contacts: { name: string; role: string | null; phone: string | null; email: string | null }[];
  signedBy: { name: string; role: string } | null;
  appendix: boolean;
  /** The authority's logo, as a data: URI, once the plan's file has been read (src/project/read-logo.ts). */
  logo: { src: string; alt: string } | null;
}

/** `plan`: the plan the paper covers, whose document is built beside the paper as `<id>.html`. */
export function reportView(report: Report, plan: { id: string; title: string }): ReportView {
  return {
    committee: report.committee,
    // A rolled-over paper has no date until the meeting is known (rule/report-period warns).
    date: report.date === undefined ? 'Not yet set' : formatDate(report.date),
    paper: report.paper ?? null,
    title: report.title,
    from: report.from,
    purpose: report.purpose,
    background: report.background ?? null,
    sections: report.sections.map((s) => ({
      heading: s.heading,
      body: s.body,
      includesEmphases: s.include === 'emphases',
      includesKeyActions: s.include === 'keyActions',
      closing: s.closing ?? null,
    })),
    sectionsIncludeEmphases: report.sections.some((s) => s.include === 'emphases'),
    sectionsIncludeKeyActions: report.sections.some((s) => s.include === 'keyActions'),
    conclusion: report.conclusion ?? null,
    recommendations: report.recommendations,
    backgroundPapers: report.backgroundPapers,
    backgroundPaperLinks: report.backgroundPapers.map((text) => ({ text, href: isTitleOf(text, plan.title) ? `${plan.id}.html` : null })),
    contacts: report.contacts.map((c) => ({ name: c.name, role: c.role ?? null, phone: c.phone ?? null, email: c.email ?? null })),
    signedBy: report.signedBy ?? null,
    appendix: report.appendix,
    logo: report.logo?.src === undefined ? null : { src: report.logo.src, alt: report.logo.alt },
  };
}


/** "Quality Protects Management Action Plan 2002-2003." names the plan of that title: case and a final full stop set aside. */
function isTitleOf(paper: string, title: string): boolean {
  const plain = (text: string) => text.trim().replace(/\.$/, '').toLowerCase();
  return plain(paper) === plain(title);
}
