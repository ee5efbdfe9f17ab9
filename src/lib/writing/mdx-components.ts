/**
 * The components an explainer uses, read from its MDX tree rather than from its text: parsed by
 * satteri, the parser Astro's MDX integration compiles the page with, so code blocks, inline code,
 * comments, frontmatter and a `>` inside a prop are what the build says they are. Components are the
 * JSX elements (`mdxJsxFlowElement`, `mdxJsxTextElement`) whose name starts with a capital letter;
 * lower-case elements are HTML. Plain JavaScript dependencies only, so plain Node (the budget
 * script) loads it too.
 */
import { mdxToMdast, type MdastNode, type MdxJsxAttributeUnion, type MdxJsxFlowElement, type MdxJsxTextElement } from 'satteri';
import { visitParents } from 'unist-util-visit-parents';

/** One attribute as written: a string literal, a bare flag, or a `{…}` expression (evaluated when it is a plain literal). */
export type AttrValue = { kind: 'literal'; value: unknown } | { kind: 'expression'; source: string };

export interface ComponentUse {
  name: string;
  /** 1-based line of its opening tag in the file. */
  line: number;
  attrs: Record<string, AttrValue>;
  /** A `{...props}` spread: which props it sets is known only when the page renders. */
  spread: boolean;
  /** Written `<Name … />`, with no closing tag. */
  selfClosing: boolean;
  /** Index (in the list findComponents returns) of the component it sits directly inside. */
  parent: number | undefined;
}

/** Where and why the MDX does not parse, as the build would say. */
export interface MdxSyntaxError {
  line: number;
  reason: string;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const isJsxElement = (node: { type: string }): node is JsxElement => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
const isComponent = (node: { type: string; name?: string | null }): node is JsxElement => isJsxElement(node) && /^[A-Z]/.test(node.name ?? '');

/** satteri's messages start "line:column: " and end with the rule's id, e.g. "(mdx-jsx:unexpected-character)". */
const SYNTAX_MESSAGE = /^(\d+):\d+: (.*?)(?: \([\w-]+:[\w-]+\))?$/s;

/** The explainer's mdast tree, or where its MDX stops parsing. */
export function parseMdx(source: string): { tree: MdastNode } | { error: MdxSyntaxError } {
  try {
    return { tree: mdxToMdast(source) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const parts = SYNTAX_MESSAGE.exec(message);
    return { error: parts ? { line: Number(parts[1]), reason: parts[2]! } : { line: 1, reason: message } };
  }
}

/** Every component in the tree, in document order (an element before the elements inside it). */
export function findComponents(tree: MdastNode, source: string): ComponentUse[] {
  const found: ComponentUse[] = [];
  const indexOf = new Map<object, number>();
  visitParents(tree, isComponent, (node: JsxElement, ancestors) => {
    const parent = ancestors.findLast((a) => indexOf.has(a));
    indexOf.set(node, found.length);
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    found.push({
      name: node.name!,
      line: node.position?.start.line ?? 1,
      ...readAttributes(node.attributes),
      // A self-closed element ends where its opening tag does: in "/>".
      selfClosing: node.children.length === 0 && source.slice(start, end).trimEnd().endsWith('/>'),
      parent: parent === undefined ? undefined : indexOf.get(parent),
    });
  });
  return found;
}

function readAttributes(attributes: readonly MdxJsxAttributeUnion[]): Pick<ComponentUse, 'attrs' | 'spread'> {
  const attrs: Record<string, AttrValue> = {};
  let spread = false;
  for (const attribute of attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      spread = true;
      continue;
    }
    const { value } = attribute;
    attrs[attribute.name] =
      value === null || value === undefined
        ? { kind: 'literal', value: true }
        : typeof value === 'string'
          ? { kind: 'literal', value }
          : literalOf(value.value);
  }
  return { attrs, spread };
}

/** `{3}`, `{true}`, `{["a", "b"]}` and `{'x'}` are literals; anything else is left to the component's own check. */
export function literalOf(source: string): AttrValue {
  const trimmed = source.trim();
  try {
    return { kind: 'literal', value: JSON.parse(trimmed) };
  } catch {
    const single = /^'([^'\\]*)'$/.exec(trimmed);
    if (single) return { kind: 'literal', value: single[1] };
    return { kind: 'expression', source: trimmed };
  }
}

/** The components `use` sits inside, nearest first. */
export function enclosing(uses: readonly ComponentUse[], use: ComponentUse): ComponentUse[] {
  const out: ComponentUse[] = [];
  for (let at = use.parent; at !== undefined; at = uses[at]?.parent) out.push(uses[at]!);
  return out;
}

/**
 * What else the page would carry that the scan judges: each lower-case (HTML) element with its
 * attributes, and each Markdown link and image with its address.
 */
export interface MarkupUse {
  kind: 'html' | 'link' | 'image';
  /** The element's name; "a" for a Markdown link, "img" for an image. */
  name: string;
  line: number;
  attrs: Record<string, AttrValue>;
}

/** Every HTML element, Markdown link and image in the tree, in document order. */
export function findMarkup(tree: MdastNode): MarkupUse[] {
  const found: MarkupUse[] = [];
  visitParents(tree, (node: MdastNode) => {
    const line = node.position?.start.line ?? 1;
    if (isJsxElement(node) && node.name && !/^[A-Z]/.test(node.name))
      found.push({ kind: 'html', name: node.name, line, ...pick(readAttributes(node.attributes)) });
    const url = (node as { url?: unknown }).url;
    if (typeof url === 'string' && (node.type === 'link' || node.type === 'definition'))
      found.push({ kind: 'link', name: 'a', line, attrs: { href: { kind: 'literal', value: url } } });
    if (typeof url === 'string' && node.type === 'image') found.push({ kind: 'image', name: 'img', line, attrs: { src: { kind: 'literal', value: url } } });
  });
  return found;
}
const pick = ({ attrs }: Pick<ComponentUse, 'attrs'>) => ({ attrs });

/** The components of an explainer's text and its other markup, or where its MDX stops parsing. */
export function componentsOf(source: string): { components: ComponentUse[]; markup: MarkupUse[] } | { error: MdxSyntaxError } {
  const parsed = parseMdx(source);
  return 'error' in parsed ? parsed : { components: findComponents(parsed.tree, source), markup: findMarkup(parsed.tree) };
}
