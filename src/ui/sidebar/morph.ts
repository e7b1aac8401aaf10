// Brings the live DOM in line with freshly rendered HTML, changing only what differs: elements
// that stay keep their identity, so focus, the caret and screen-reader live regions survive.
/**
 * Children are matched in order by tag and id; anything else is replaced. Form values follow the
 * new markup except in the element being typed in, which keeps what the person is typing.
 */
export function morph(target: Element, html: string): void {
  const next = target.ownerDocument.createElement(target.tagName);
  next.innerHTML = html;
  morphChildren(target, next);
}

function sameKind(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
  if (a instanceof Element && b instanceof Element) {
    if (a.id !== b.id) return false;
    // An input that changes type (text to password, radio to checkbox) is a different control.
    if (a instanceof HTMLInputElement && a.type !== (b as HTMLInputElement).type) return false;
  }
  return true;
}

function morphChildren(from: Node, to: Node): void {
  const wanted = Array.from(to.childNodes);
  let current = from.firstChild;
  for (const node of wanted) {
    if (current && sameKind(current, node)) {
      morphNode(current, node);
      current = current.nextSibling;
    } else {
      from.insertBefore(node, current);
    }
  }
  while (current) {
    const after = current.nextSibling;
    from.removeChild(current);
    current = after;
  }
}

function morphNode(from: Node, to: Node): void {
  if (from.nodeType !== 1) {
    if (from.nodeValue !== to.nodeValue) from.nodeValue = to.nodeValue;
    return;
  }
  const a = from as Element;
  const b = to as Element;
  for (const attr of Array.from(a.attributes))
    if (!b.hasAttribute(attr.name)) a.removeAttribute(attr.name);
  for (const attr of Array.from(b.attributes))
    if (a.getAttribute(attr.name) !== attr.value) a.setAttribute(attr.name, attr.value);
  morphChildren(a, b);
  syncFormState(a, b);
}

/** Attributes give a control its first value only: the live value and checks are properties. */
function syncFormState(a: Element, b: Element): void {
  const focused = a.ownerDocument.activeElement === a;
  if (a instanceof HTMLInputElement && b instanceof HTMLInputElement) {
    if (a.type === 'checkbox' || a.type === 'radio') a.checked = b.hasAttribute('checked');
    else if (!focused && a.value !== (b.getAttribute('value') ?? ''))
      a.value = b.getAttribute('value') ?? '';
  } else if (a instanceof HTMLSelectElement && b instanceof HTMLSelectElement) {
    const selected = Array.from(b.options).find((o) => o.hasAttribute('selected'));
    if (selected && a.value !== selected.value) a.value = selected.value;
  }
}
