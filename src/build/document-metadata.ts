import { headingsOf } from '../pdf/pdf-outline.js';
import type { PdfMetadata } from '../pdf/pdf-metadata.js';

/** A document about to be printed, in the words its PDF's metadata needs. */
export interface DocumentToPrint {
  html: string;
  title: string;
  subject: string;
  keywords: string[];
}

/**
 * The one builder of a PDF's metadata, for a plan's documents, the whole document of a
 * project and the changes paper alike: the document's own title, subject and keywords,
 * the authority as author, a date that is never the clock, the tool as creator, British
 * English, and bookmarks from the document's headings.
 */
export function documentMetadata(document: DocumentToPrint, author: string, date: Date, generator: string): PdfMetadata {
  return {
    title: document.title,
    author,
    subject: document.subject,
    keywords: document.keywords,
    date,
    creator: generator,
    lang: 'en-GB',
    headings: headingsOf(document.html),
  };
}
