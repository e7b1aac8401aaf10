/**
 * @jest-environment jsdom
 */
// Patching the live sidebar: elements that stay keep their identity, focus and typed text.
import { morph } from '../../../../src/ui/sidebar/morph';

function mount(html: string): HTMLElement {
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById('app')!;
  root.innerHTML = html;
  return root;
}

test('changed text lands in the same element (live regions keep announcing)', () => {
  const root = mount('<div id="fb" role="status"></div><p id="x">a</p>');
  const slot = root.querySelector('#fb');
  morph(root, '<div id="fb" role="status">Copied.</div><p id="x">a</p>');
  expect(root.querySelector('#fb')).toBe(slot);
  expect(slot?.textContent).toBe('Copied.');
});

test('the focused input keeps what the person is typing; others follow the markup', () => {
  const root = mount('<input id="a" value="" /><input id="b" value="" />');
  const a = root.querySelector<HTMLInputElement>('#a')!;
  a.focus();
  a.value = 'typing';
  morph(root, '<input id="a" value="server" /><input id="b" value="server" />');
  expect(root.querySelector('#a')).toBe(a);
  expect(document.activeElement).toBe(a);
  expect(a.value).toBe('typing');
  expect(root.querySelector<HTMLInputElement>('#b')!.value).toBe('server');
});

test('checkboxes and selects take the state the markup says', () => {
  const root = mount(
    '<input type="checkbox" id="c" checked /><select id="s"><option value="a" selected>A</option><option value="b">B</option></select>',
  );
  morph(
    root,
    '<input type="checkbox" id="c" /><select id="s"><option value="a">A</option><option value="b" selected>B</option></select>',
  );
  expect(root.querySelector<HTMLInputElement>('#c')!.checked).toBe(false);
  expect(root.querySelector<HTMLSelectElement>('#s')!.value).toBe('b');
});

test('elements that go are removed, new ones inserted in order, attributes follow', () => {
  const root = mount('<p id="one">1</p><p id="two" class="x">2</p><p id="three">3</p>');
  morph(root, '<p id="one">1</p><p id="four">4</p><p id="three" aria-invalid="true">3</p>');
  expect(Array.from(root.children).map((c) => c.id)).toEqual(['one', 'four', 'three']);
  expect(root.querySelector('#three')?.getAttribute('aria-invalid')).toBe('true');
});
