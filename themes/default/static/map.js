// gazette maps: the dots of each map are one stop in the tab order. Tab
// enters the map at one dot (the page's own place, else the westernmost);
// the arrow keys move to the next place west, east, north or south of it,
// Home and End to the first and last from west to east; Tab leaves the
// map. Without this script every dot is its own stop, which also works.
// A focused dot shows its place's name (style.css, .focus-name); this
// script draws it again on a box on top of the map, where no later dot
// covers it.
'use strict';
for (const svg of document.querySelectorAll('svg.map-svg')) {
  const dots = [...svg.querySelectorAll('a')];
  if (dots.length < 2) continue;
  const at = (a) => { const c = a.querySelector('circle'); return [+c.getAttribute('cx'), +c.getAttribute('cy')]; };
  const byX = [...dots].sort((a, b) => at(a)[0] - at(b)[0] || at(a)[1] - at(b)[1]);
  const byY = [...dots].sort((a, b) => at(a)[1] - at(b)[1] || at(a)[0] - at(b)[0]);
  let current = dots.find((a) => a.classList.contains('current')) || byX[0];
  const stop = (a) => {
    for (const d of dots) d.setAttribute('tabindex', d === a ? '0' : '-1');
    current = a;
  };
  stop(current);
  const ns = 'http://www.w3.org/2000/svg';
  const overlay = document.createElementNS(ns, 'g');
  const box = document.createElementNS(ns, 'rect');
  const name = document.createElementNS(ns, 'text');
  overlay.setAttribute('class', 'focus-overlay');
  overlay.setAttribute('aria-hidden', 'true');
  overlay.setAttribute('visibility', 'hidden');
  overlay.append(box, name);
  svg.append(overlay);
  svg.addEventListener('focusin', (e) => {
    const a = e.target.closest('a');
    if (!a || !dots.includes(a)) return;
    stop(a);
    const n = a.querySelector('.focus-name');
    if (!n) { overlay.setAttribute('visibility', 'hidden'); return; }
    for (const k of ['x', 'y', 'dy', 'text-anchor']) {
      if (n.hasAttribute(k)) name.setAttribute(k, n.getAttribute(k)); else name.removeAttribute(k);
    }
    name.textContent = n.textContent;
    overlay.removeAttribute('visibility');
    const b = name.getBBox(), pad = b.height / 6;
    box.setAttribute('x', b.x - pad); box.setAttribute('y', b.y - pad / 2);
    box.setAttribute('width', b.width + 2 * pad); box.setAttribute('height', b.height + pad);
  });
  svg.addEventListener('focusout', () => overlay.setAttribute('visibility', 'hidden'));
  svg.addEventListener('keydown', (e) => {
    const moves = { ArrowLeft: [byX, -1], ArrowRight: [byX, 1], ArrowUp: [byY, -1], ArrowDown: [byY, 1] };
    let next;
    if (moves[e.key]) {
      const [list, step] = moves[e.key];
      next = list[list.indexOf(current) + step];
    } else if (e.key === 'Home') next = byX[0];
    else if (e.key === 'End') next = byX[byX.length - 1];
    else return;
    e.preventDefault();
    if (next) { stop(next); next.focus(); }
  });
}
