import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { Mark, type ContentMatch, type Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { minutesSchema, type MinutesKind } from './minutesSchema.ts';

/**
 * Why the server refuses rich text, as codes a client (or a log reader) can act on. The
 * `detail` names the node, mark or attribute.
 */
export const richTextProblemCodes = [
  /** Something that is not an element or text where the schema expects one (a Y.Map, a hook, an embed). */
  'rich-text-unreadable',
  'rich-text-unknown-node',
  'rich-text-unknown-mark',
  'rich-text-unknown-attribute',
  'rich-text-invalid-attribute',
  /** Known parts in an order the schema does not allow (text directly in the document, a table cell outside a row). */
  'rich-text-invalid-content',
] as const;
export type RichTextProblemCode = (typeof richTextProblemCodes)[number];

export interface RichTextProblem {
  readonly code: RichTextProblemCode;
  readonly detail: string;
}

const problemTexts: Readonly<Record<RichTextProblemCode, string>> = {
  'rich-text-unreadable': '議事録として読めない内容です',
  'rich-text-unknown-node': '議事録に使えない要素です',
  'rich-text-unknown-mark': '議事録に使えない書式です',
  'rich-text-unknown-attribute': '議事録の要素にない属性です',
  'rich-text-invalid-attribute': '議事録の要素の属性の値が正しくありません',
  'rich-text-invalid-content': '議事録の要素の並びが正しくありません',
};

/** The line shown in `update-refused`'s problems, beside the code. */
export function describeRichTextProblem(problem: RichTextProblem): string {
  return `${problemTexts[problem.code]}: ${problem.detail}`;
}

type AttributeCheck = (value: unknown) => boolean;

const MAX_ATTRIBUTE_LENGTH = 2_048;
const integerIn = (min: number, max: number): AttributeCheck => (value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
// Only what opens something harmless on a click: no javascript:, data: or the like.
const SAFE_HREF = /^(?:https?:|mailto:|tel:|[#/?.]|[^:/?#]*(?:[/?#]|$))/i;

// Browsers ignore spaces and control characters in a URL's scheme (「java\tscript:」 is javascript:).
const withoutSpaceOrControls = (value: string) => Array.from(value).filter((character) => character.codePointAt(0)! > 0x20).join('');

/** Values Tiptap writes for these attributes; any other attribute takes a plain value. */
const attributeChecks: Readonly<Record<string, AttributeCheck>> = {
  'heading.level': integerIn(1, 6),
  'orderedList.start': integerIn(-1_000_000, 1_000_000),
  'taskItem.checked': (value) => typeof value === 'boolean',
  'tableCell.colspan': integerIn(1, 1_000),
  'tableCell.rowspan': integerIn(1, 1_000),
  'tableHeader.colspan': integerIn(1, 1_000),
  'tableHeader.rowspan': integerIn(1, 1_000),
  'link.href': (value) => typeof value === 'string' && value.length <= MAX_ATTRIBUTE_LENGTH && SAFE_HREF.test(withoutSpaceOrControls(value)),
};

function plainValue(value: unknown): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= MAX_ATTRIBUTE_LENGTH;
  // Table column widths.
  return Array.isArray(value) && value.length <= 1_000 && value.every((width) => typeof width === 'number' && Number.isFinite(width));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Walks the JSON once, naming every unknown part; content order is left to ProseMirror's check. */
class Walker {
  readonly problems = new Map<string, RichTextProblem>();
  private readonly schema: Schema;

  constructor(schema: Schema) {
    this.schema = schema;
  }

  private add(code: RichTextProblemCode, detail: string): void {
    this.problems.set(`${code}\u0000${detail}`, { code, detail });
  }

  private attributes(owner: string, known: Readonly<Record<string, unknown>>, attrs: unknown): void {
    if (attrs === undefined) return;
    if (!isRecord(attrs)) {
      this.add('rich-text-invalid-attribute', owner);
      return;
    }
    for (const [name, value] of Object.entries(attrs)) {
      if (!Object.hasOwn(known, name)) this.add('rich-text-unknown-attribute', `${owner}.${name}`);
      else if (!(attributeChecks[`${owner}.${name}`] ?? plainValue)(value)) this.add('rich-text-invalid-attribute', `${owner}.${name}`);
    }
  }

  node(json: unknown): void {
    if (!isRecord(json) || typeof json.type !== 'string') {
      this.add('rich-text-unreadable', typeof json);
      return;
    }
    const node = json;
    const type: string = json.type;
    if (type === 'text') {
      if (typeof node.text !== 'string') this.add('rich-text-unreadable', 'text');
      for (const mark of Array.isArray(node.marks) ? node.marks : []) {
        const name = isRecord(mark) && typeof mark.type === 'string' ? mark.type : String(mark);
        const markType = Object.hasOwn(this.schema.marks, name) ? this.schema.marks[name] : undefined;
        if (!markType) this.add('rich-text-unknown-mark', name);
        else this.attributes(name, markType.spec.attrs ?? {}, isRecord(mark) ? mark.attrs : undefined);
      }
      return;
    }
    const nodeType = type !== 'doc' && Object.hasOwn(this.schema.nodes, type) ? this.schema.nodes[type] : undefined;
    if (!nodeType) {
      this.add('rich-text-unknown-node', type);
      return;
    }
    this.attributes(type, nodeType.spec.attrs ?? {}, node.attrs);
    if (Array.isArray(node.content)) for (const child of node.content) this.node(child);
  }
}

const MAX_PROBLEMS = 10;

/**
 * ProseMirror's check() except that a container may be empty. Two people who each take a
 * different last item out of one list at once each send a valid update, and the merge is an
 * empty list: refusing the second would refuse an honest edit over and over. y-tiptap shows an
 * empty container without deleting anything, and no one gains anything by sending one.
 */
function checkAllowingEmptyContainers(node: ProseMirrorNode): void {
  if (node.childCount > 0 && !node.type.validContent(node.content)) throw new RangeError(`Invalid content for node ${node.type.name}`);
  let marks = Mark.none;
  for (const mark of node.marks) marks = mark.addToSet(marks);
  if (!Mark.sameSet(marks, node.marks)) throw new RangeError(`Invalid collection of marks for node ${node.type.name}`);
  node.forEach(checkAllowingEmptyContainers);
}

/** Text directly in the document, or top-level blocks in an order the document does not allow. */
function topLevelProblem(blocks: readonly unknown[], schema: Schema): RichTextProblem | null {
  let match: ContentMatch | null = schema.topNodeType.contentMatch;
  let elements = 0;
  for (const block of blocks) {
    if (block instanceof Y.XmlText) {
      if (block.length > 0) return { code: 'rich-text-invalid-content', detail: 'text outside a block' };
      continue;
    }
    if (!(block instanceof Y.XmlElement)) return { code: 'rich-text-unreadable', detail: 'fragment' };
    const type = Object.hasOwn(schema.nodes, block.nodeName) ? schema.nodes[block.nodeName] : undefined;
    // Unknown blocks are named by the walk over the changed blocks.
    if (!type) continue;
    elements += 1;
    match = match?.matchType(type) ?? null;
    if (!match) return { code: 'rich-text-invalid-content', detail: `${block.nodeName} in doc` };
  }
  return elements > 0 && match && !match.validEnd ? { code: 'rich-text-invalid-content', detail: 'doc' } : null;
}

/**
 * Everything that keeps the fragment from being a document of `kind`: unknown nodes, marks and
 * attributes, attribute values Tiptap would not write, and content in an order the schema does
 * not allow. `changed` limits the deep check to the top-level blocks an update touched (the
 * rest was checked when it was written), so a keystroke costs one block, not the document, and
 * the order of the top-level blocks is checked when the update inserted or removed one. An empty fragment (a document nobody has
 * written in yet) is valid.
 */
export function richTextProblems(
  fragment: Y.XmlFragment,
  kind: MinutesKind,
  changed?: { readonly blocks: readonly (Y.XmlElement | Y.XmlText)[]; readonly orderChanged: boolean },
): RichTextProblem[] {
  const schema = minutesSchema(kind);
  const topLevel: unknown[] | null = changed && !changed.orderChanged ? null : fragment.toArray();
  const blocks = changed?.blocks ?? (topLevel as (Y.XmlElement | Y.XmlText)[]);
  let json: { type: 'doc'; content: unknown[] };
  try {
    // y-tiptap's own reading of the Yjs types, given only the blocks to check (it reads nothing but toArray()).
    json = yXmlFragmentToProsemirrorJSON({ toArray: () => blocks } as unknown as Y.XmlFragment) as { type: 'doc'; content: unknown[] };
  } catch {
    return [{ code: 'rich-text-unreadable', detail: 'fragment' }];
  }
  // y-tiptap leaves a text directly in the fragment as an array of text nodes.
  const content = json.content.flat();
  const walker = new Walker(schema);
  for (const block of content) walker.node(block);
  const problems = [...walker.problems.values()];
  const order = topLevel && topLevelProblem(topLevel, schema);
  if (order) problems.push(order);
  if (problems.length > 0) return problems.slice(0, MAX_PROBLEMS);
  for (const block of content) {
    try {
      const node = schema.nodeFromJSON(block);
      try {
        node.check();
      } catch (error) {
        checkAllowingEmptyContainers(node);
        void error;
      }
    } catch (error) {
      return [{ code: 'rich-text-invalid-content', detail: error instanceof Error ? error.message : String(error) }];
    }
  }
  return [];
}
