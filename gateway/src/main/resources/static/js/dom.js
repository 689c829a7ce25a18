// Building page content safely: text goes in as text, never as HTML.

/** An element with attributes (an `onclick` function becomes a click listener) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([key, value]) => {
    if (key === 'onclick') node.addEventListener('click', value);
    else node.setAttribute(key, value);
  });
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}
