const STOP = new Set('a an and the of to for in on at by with from as is are be been has have had that this these those its their our we will which who into through including include includes s e g i.e eg ie'.split(' '));

/**
 * Ids made from text, the same every run: the first few content words, as a slug, with
 * "-2", "-3" after an id already taken in the same kind.
 */
export class IdMaker {
  private readonly taken = new Set<string>();

  make(text: string, words = 4, keepStopWords = false): string {
    const slug = slugWords(text).filter((w) => keepStopWords || !STOP.has(w)).slice(0, words).join('-') || 'item';
    let id = slug;
    for (let n = 2; this.taken.has(id); n++) id = `${slug}-${n}`;
    this.taken.add(id);
    return id;
  }

  /** Keeps an id given from outside (qp1) from being made again. */
  reserve(id: string): string {
    this.taken.add(id);
    return id;
  }
}

function slugWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}
