import { execFileSync } from 'node:child_process';

/**
 * A PDF/UA-1 check of our own: the machine-checkable conditions mapc's PDFs are held to,
 * read with qpdf's JSON (objects, with every stream's data decoded) and a content-stream
 * tokenizer of its own (written apart from src/pdf's, so the check does not share the fix's
 * mistakes). Each failed condition comes back as a problem with a count and examples;
 * a PDF that passes gives no problems. It checks:
 *
 * - tagged: /MarkInfo /Marked true, a /StructTreeRoot, /Tabs /S on every page;
 * - untagged content (Matterhorn 01-003): every text, path, image and shading operator
 *   of every page's content lies inside a marked-content sequence (an MCID's or /Artifact);
 * - structure types: each is standard (ISO 32000-1, 14.8.4) or role-mapped to one (7.1-5);
 * - figures: every /Figure has /Alt or /ActualText (13-004);
 * - links: every Link annotation has /Contents (7.18.5) and is in the structure tree;
 * - headings: numbered H1-H6 only (no generic /H), the first is H1, none skips a level going down;
 * - tables: every TH has a /Scope, every TR is in a Table (or its THead/TBody/TFoot);
 * - language: the catalog's /Lang; title: a dc:title in the XMP and /DisplayDocTitle true;
 * - the identifier: pdfuaid:part 1 in the XMP (reported apart, as `identifier`).
 */
export interface UaProblem {
  check: string;
  count: number;
  examples: string[];
}

export interface UaReport {
  problems: UaProblem[];
  /** Text, path, image and shading operators outside any marked content, per file. */
  untaggedOperators: number;
  /** Operators inside /Artifact sequences. */
  artifactOperators: number;
  /** Text-showing operators inside /Artifact sequences, page by page. */
  artifactTextPerPage: number[];
  figures: number;
  links: number;
  structureTypes: string[];
}

const STANDARD = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' '),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Dict = Record<string, Json>;

export function checkPdfUa(file: string): UaReport {
  const out = execFileSync('qpdf', ['--json=2', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', file], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const objects = (JSON.parse(out) as { qpdf: [unknown, Record<string, { value?: Json; stream?: { dict: Dict; data?: string } }>] }).qpdf[1];
  const resolve = (value: Json | undefined): Json | undefined => {
    if (typeof value === 'string' && /^\d+ \d+ R$/.test(value)) {
      const object = objects[`obj:${value}`];
      return object?.value ?? object?.stream?.dict;
    }
    return value;
  };
  const dict = (value: Json | undefined): Dict => {
    const resolved = resolve(value);
    return resolved && typeof resolved === 'object' && !Array.isArray(resolved) ? resolved : {};
  };
  const array = (value: Json | undefined): Json[] => {
    const resolved = resolve(value);
    return Array.isArray(resolved) ? resolved : resolved === undefined ? [] : [resolved];
  };
  /** An array's items, or a single value (a reference kept as it is) as one item. */
  const items = (value: Json | undefined): Json[] => {
    const resolved = resolve(value);
    return Array.isArray(resolved) ? resolved : value === undefined ? [] : [value];
  };
  const streamData = (ref: Json | undefined): string => {
    const object = typeof ref === 'string' ? objects[`obj:${ref}`] : undefined;
    return object?.stream?.data ? Buffer.from(object.stream.data, 'base64').toString('latin1') : '';
  };
  const text = (value: Json | undefined): string => {
    const s = resolve(value);
    if (typeof s !== 'string') return '';
    if (s.startsWith('u:')) return s.slice(2);
    if (s.startsWith('b:')) return Buffer.from(s.slice(2), 'hex').toString('latin1');
    return s;
  };

  const problems: UaProblem[] = [];
  const problem = (check: string, examples: string[]) => {
    if (examples.length > 0) problems.push({ check, count: examples.length, examples: examples.slice(0, 5) });
  };

  const trailer = (objects['trailer']?.value ?? {}) as Dict;
  const catalog = dict(trailer['/Root']);
  const structRoot = dict(catalog['/StructTreeRoot']);
  const markInfo = dict(catalog['/MarkInfo']);
  problem('tagged', [...(markInfo['/Marked'] === true ? [] : ['/MarkInfo /Marked is not true']), ...(catalog['/StructTreeRoot'] ? [] : ['no /StructTreeRoot'])]);

  // Pages, in order.
  const pages: Dict[] = [];
  const walkPages = (node: Dict) => {
    if (node['/Type'] === '/Page') pages.push(node);
    else for (const kid of items(node['/Kids'])) walkPages(dict(kid));
  };
  walkPages(dict(catalog['/Pages']));
  problem('tabs', pages.flatMap((page, i) => (page['/Tabs'] === '/S' ? [] : [`page ${i + 1} has no /Tabs /S`])));

  // Content: every painting operator inside marked content.
  let untagged = 0;
  let artifacts = 0;
  const artifactTextPerPage: number[] = [];
  const untaggedExamples: string[] = [];
  pages.forEach((page, i) => {
    const contents = resolve(page['/Contents']);
    const refs = Array.isArray(contents) ? contents : [page['/Contents']];
    const content = refs.map((ref) => streamData(ref)).join('\n');
    const counts = markedContentCounts(content);
    if (counts === undefined) {
      untaggedExamples.push(`page ${i + 1}: content stream could not be read`);
      untagged++;
      return;
    }
    untagged += counts.untagged;
    artifacts += counts.artifact;
    artifactTextPerPage[i] = counts.artifactText;
    if (counts.untagged > 0) untaggedExamples.push(`page ${i + 1}: ${counts.untagged} (${counts.examples.join(', ')})`);
  });
  if (untagged > 0) problems.push({ check: 'untagged content', count: untagged, examples: untaggedExamples.slice(0, 5) });

  // The structure tree.
  const roleMap = dict(structRoot['/RoleMap']);
  const standardOf = (type: string): string | undefined => {
    const seen = new Set<string>();
    let t = type;
    while (!STANDARD.has(t.slice(1))) {
      if (seen.has(t)) return undefined;
      seen.add(t);
      const mapped = roleMap[t];
      if (typeof mapped !== 'string') return undefined;
      t = mapped;
    }
    return t.slice(1);
  };
  const types = new Set<string>();
  const nonStandard: string[] = [];
  const figuresWithoutAlt: string[] = [];
  const headingProblems: string[] = [];
  const tableProblems: string[] = [];
  const linkElements = new Set<string>();
  let figures = 0;
  let lastHeading = 0;
  const visited = new Set<string>();
  const walk = (ref: Json, parentType: string | undefined) => {
    if (typeof ref !== 'string' || !/ R$/.test(ref) || visited.has(ref)) return;
    visited.add(ref);
    const element = dict(ref);
    if (element['/Type'] === '/OBJR') return;
    const raw = typeof element['/S'] === 'string' ? element['/S'] : undefined;
    let type = parentType;
    if (raw) {
      types.add(raw);
      const standard = standardOf(raw);
      if (!standard) nonStandard.push(raw);
      type = standard ?? raw.slice(1);
      if (type === 'Figure') {
        figures++;
        if (!text(element['/Alt']) && !text(element['/ActualText'])) figuresWithoutAlt.push(`${ref} (${raw})`);
      }
      if (type === 'H') headingProblems.push(`${ref}: generic /H`);
      const level = /^H([1-6])$/.exec(type)?.[1];
      if (level) {
        const n = Number(level);
        if (lastHeading === 0 && n !== 1) headingProblems.push(`${ref}: the first heading is H${n}`);
        if (lastHeading > 0 && n > lastHeading + 1) headingProblems.push(`${ref}: H${lastHeading} then H${n}`);
        lastHeading = n;
      }
      if (type === 'TH') {
        const attributes = array(element['/A']).map((a) => dict(a));
        if (!attributes.some((a) => typeof a['/Scope'] === 'string')) tableProblems.push(`${ref}: TH without /Scope`);
      }
      if (type === 'TR' && !['Table', 'THead', 'TBody', 'TFoot'].includes(parentType ?? '')) tableProblems.push(`${ref}: TR in ${parentType}`);
      if (type === 'Link')
        for (const kid of items(element['/K'])) {
          const objr = dict(kid);
          if (objr['/Type'] === '/OBJR' && typeof objr['/Obj'] === 'string') linkElements.add(objr['/Obj']);
        }
    }
    for (const kid of items(element['/K'])) walk(kid, type);
  };
  for (const kid of items(structRoot['/K'])) walk(kid, undefined);
  problem('structure types', [...new Set(nonStandard)].map((t) => `${t} is neither standard nor role-mapped to a standard type`));
  problem('figure alternative', figuresWithoutAlt);
  problem('headings', headingProblems);
  problem('tables', tableProblems);
  if (lastHeading === 0) problem('headings', ['no headings']);

  // Link annotations.
  let links = 0;
  const linkProblems: string[] = [];
  pages.forEach((page, i) => {
    for (const ref of items(page['/Annots'])) {
      const annotation = dict(ref);
      if (annotation['/Subtype'] !== '/Link') continue;
      links++;
      if (!text(annotation['/Contents']).trim()) linkProblems.push(`page ${i + 1}: ${String(ref)} has no /Contents`);
      if (typeof ref === 'string' && !linkElements.has(ref)) linkProblems.push(`page ${i + 1}: ${ref} is not in a Link element`);
    }
  });
  problem('links', linkProblems);

  // Language, title, identifier.
  problem('language', text(catalog['/Lang']).trim() ? [] : ['the catalog has no /Lang']);
  const xmp = streamData(catalog['/Metadata']);
  const xmpText = Buffer.from(xmp, 'latin1').toString('utf8');
  const title = /<dc:title>[\s\S]*?<rdf:li[^>]*>([^<]+)<\/rdf:li>/.exec(xmpText)?.[1];
  problem('title', [...(title?.trim() ? [] : ['no dc:title in the XMP']), ...(dict(catalog['/ViewerPreferences'])['/DisplayDocTitle'] === true ? [] : ['/DisplayDocTitle is not true'])]);
  problem('identifier', /pdfuaid:part(>|=")1/.test(xmpText) ? [] : ['the XMP does not declare pdfuaid:part 1']);

  return { problems, untaggedOperators: untagged, artifactOperators: artifacts, artifactTextPerPage, figures, links, structureTypes: [...types].sort() };
}

const TEXT = new Set(['Tj', 'TJ', "'", '"']);
const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'Do', 'sh', 'BI']);

/**
 * Painting operators outside marked content, and inside /Artifact sequences, in one
 * page's content; undefined when the content cannot be read (an unclosed string, or
 * unbalanced marked content).
 */
export function markedContentCounts(content: string): { untagged: number; artifact: number; artifactText: number; examples: string[] } | undefined {
  const stack: boolean[] = []; // true: within an /Artifact
  let untagged = 0;
  let artifact = 0;
  let artifactText = 0;
  const examples: string[] = [];
  let operands: string[] = [];
  let i = 0;
  const n = content.length;
  const isWhite = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';
  const isDelimiter = (c: string) => '()<>[]{}/%'.includes(c);
  while (i < n) {
    const c = content[i]!;
    if (isWhite(c)) {
      i++;
    } else if (c === '%') {
      while (i < n && content[i] !== '\n' && content[i] !== '\r') i++;
    } else if (c === '(') {
      let depth = 1;
      let j = i + 1;
      for (; j < n && depth > 0; j++) {
        if (content[j] === '\\') j++;
        else if (content[j] === '(') depth++;
        else if (content[j] === ')') depth--;
      }
      if (depth > 0) return undefined;
      operands.push(content.slice(i, j));
      i = j;
    } else if (c === '<' && content[i + 1] === '<') {
      operands.push('<<');
      i += 2;
    } else if (c === '>' && content[i + 1] === '>') {
      operands.push('>>');
      i += 2;
    } else if (c === '<') {
      const j = content.indexOf('>', i);
      if (j < 0) return undefined;
      operands.push(content.slice(i, j + 1));
      i = j + 1;
    } else if (c === '[' || c === ']' || c === '{' || c === '}') {
      operands.push(c);
      i++;
    } else {
      let j = i + 1;
      while (j < n && !isWhite(content[j]!) && !isDelimiter(content[j]!)) j++;
      const token = content.slice(i, j);
      i = j;
      if (c === '/' || /^[+\-.\d]/.test(token) || token === 'true' || token === 'false' || token === 'null') {
        operands.push(token);
        continue;
      }
      // An operator.
      if (token === 'BDC' || token === 'BMC') stack.push(operands[0] === '/Artifact' || stack.at(-1) === true);
      else if (token === 'EMC') {
        if (stack.length === 0) return undefined;
        stack.pop();
      } else if (PAINTING.has(token)) {
        if (stack.length === 0) {
          untagged++;
          if (examples.length < 3) examples.push(`${operands.join(' ').slice(0, 40)} ${token}`.trim());
        } else if (stack.at(-1)) {
          artifact++;
          if (TEXT.has(token)) artifactText++;
        }
      }
      if (token === 'BI') {
        // Inline image: skip to "EI" after whitespace, followed by whitespace or the end.
        const id = content.indexOf('ID', i);
        if (id < 0) return undefined;
        let k = id + 3;
        for (;;) {
          k = content.indexOf('EI', k);
          if (k < 0) return undefined;
          if (isWhite(content[k - 1]!) && (k + 2 >= n || isWhite(content[k + 2]!))) break;
          k += 2;
        }
        i = k + 2;
      }
      operands = [];
    }
  }
  if (stack.length > 0) return undefined;
  return { untagged, artifact, artifactText, examples };
}

/** The pages (from 1) that draw text as an artifact: the running title, page number, DRAFT. */
export function artifactTextPages(file: string): number[] {
  return checkPdfUa(file).artifactTextPerPage.flatMap((count, i) => (count > 0 ? [i + 1] : []));
}
