/**
 * A small streaming walk over markup with htmlparser2 (XML of a .docx, or HTML), loaded on first use so the
 * checker's start on .txt never pays for it.
 */
export interface Walker {
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

type HtmlParser2 = typeof import('htmlparser2', { with: { 'resolution-mode': 'import' } });
let lib: Promise<HtmlParser2> | undefined;

export function loadParser(): Promise<HtmlParser2> {
  return (lib ??= import('htmlparser2'));
}

/** Walks `markup`; `xml` keeps names as written (w:p) and reads self-closing tags the XML way. */
export async function walk(markup: string, walker: Walker, xml: boolean): Promise<void> {
  const { Parser } = await loadParser();
  const parser = new Parser({
    onopentag: (name, attrs) => walker.open(name, attrs),
    onclosetag: (name) => walker.close(name),
    ontext: (text) => walker.text(text),
  }, { xmlMode: xml, decodeEntities: true });
  parser.write(markup);
  parser.end();
}
