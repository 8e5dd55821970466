// Readability over linkedom slows down steeply with the depth and size of a page's tree (a page of
// 2,000 nested <div> took 76 s), and linkedom's own parser with depth past a few thousand. Real articles
// are a few dozen levels deep. Pages of a shape no article has are read by the cheap text converter
// instead, with a note that says why.

export interface ShapeLimits {
  /** Deepest element nesting read through Readability. */
  maxDepth: number;
  /** Most elements read through Readability. */
  maxElements: number;
  /** Longest attribute value read through Readability. */
  maxAttributeChars: number;
}

export const SHAPE_LIMITS: ShapeLimits = { maxDepth: 100, maxElements: 30_000, maxAttributeChars: 100_000 };

/** Elements that close without an end tag, or whose end tag may be left out: they do not nest in the markup scan. */
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rp',
  'html', 'head', 'body',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template']);

/**
 * Why a page's markup is too deep for the DOM, before it is parsed: a linear scan of its tags that
 * counts open elements (those that may stay unclosed left out), undefined when it is not. The scan
 * over-estimates misnested markup; the limit here is ten times the DOM's, and the parsed tree is
 * checked again by domShapeProblem.
 */
export function markupProblem(html: string, limits: ShapeLimits = SHAPE_LIMITS): string | undefined {
  const stopAt = limits.maxDepth * 10;
  let depth = 0;
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length - 1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) break;
      i = html.indexOf('<', end + 3);
      continue;
    }
    const close = html.charCodeAt(i + 1) === 0x2f;
    let j = i + (close ? 2 : 1);
    const nameStart = j;
    while (j < html.length && isNameChar(html.charCodeAt(j))) j++;
    const end = html.indexOf('>', j);
    if (end < 0) break;
    if (j > nameStart) {
      const name = html.slice(nameStart, j).toLowerCase();
      if (close) {
        if (!NOT_NESTING.has(name) && depth > 0) depth--;
      } else if (RAW_TEXT.has(name)) {
        const closing = new RegExp(`</${name}`, 'gi');
        closing.lastIndex = end + 1;
        const after = closing.exec(html);
        if (!after) break;
        i = html.indexOf('<', after.index + 2);
        continue;
      } else if (!NOT_NESTING.has(name) && html.charCodeAt(end - 1) !== 0x2f) {
        if (++depth > stopAt) return `markup nested more than ${stopAt.toLocaleString('en')} deep`;
      }
    }
    i = html.indexOf('<', end + 1);
  }
  return undefined;
}

function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x3a;
}

interface ShapeElement {
  parentElement: unknown;
  attributes: Iterable<{ value: string }>;
}

/** Why a parsed page is of a shape Readability should not read (too deep, too many elements, a huge attribute), or undefined. */
export function domShapeProblem(elements: Iterable<ShapeElement>, limits: ShapeLimits = SHAPE_LIMITS): string | undefined {
  const depths = new Map<unknown, number>();
  let count = 0;
  for (const el of elements) {
    if (++count > limits.maxElements) return `more than ${limits.maxElements.toLocaleString('en')} elements`;
    const depth = (depths.get(el.parentElement) ?? 0) + 1;
    if (depth > limits.maxDepth) return `elements nested more than ${limits.maxDepth} deep`;
    depths.set(el, depth);
    for (const attribute of el.attributes) {
      if (attribute.value.length > limits.maxAttributeChars) {
        return `an attribute of ${attribute.value.length.toLocaleString('en')} characters (more than ${limits.maxAttributeChars.toLocaleString('en')})`;
      }
    }
  }
  return undefined;
}
