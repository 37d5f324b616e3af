"""Where the readings of a rendered sheet land: shared by the browser test and the PDF test.

In the browser, each reading is measured by the box of its text (a DOM Range, not the ``rt``
box, whose margins may make it wider or narrower than the letters) and each character by the
box of the base text of its ``<ruby>``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise
from statistics import mean
from typing import Any

#: JavaScript: every reading of the Chinese column with its character's box, and, per outer
#: <ruby>, its width beside the width of its character (the extra space a reading adds).
MEASURE_JS = """() => {
  // Chromium reports the box of the whole annotation (or base) for any range inside an <rt>
  // (or a ruby base), which is wider or narrower than its letters: measure the letters in a
  // copy set in the same font, and centre them in that box as ruby-align: center does.
  // Three phases, so that the page is laid out once, not once per reading: read every style,
  // then add every copy, then read every box.
  const FONT = ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontStretch',
                'letterSpacing', 'wordSpacing'];
  const baseText = ruby => { for (const n of ruby.childNodes) {
      if (n.nodeType === 3 && n.textContent.trim()) return n;
      if (n.nodeName === 'RUBY') return baseText(n); } return null; };
  const shown = rt => rt.getClientRects().length && getComputedStyle(rt).display !== 'none';
  const nodes = [];  // every node whose letters are measured, once
  const index = new Map();
  const want = node => { if (!index.has(node)) { index.set(node, nodes.length);
    const el = node.nodeType === 3 ? node.parentElement : node;
    const s = getComputedStyle(el);
    nodes.push({node, font: FONT.map(p => s[p])}); } return node; };
  const readings = [];
  for (const rt of document.querySelectorAll('p.para.zh rt')) {
    if (!shown(rt)) continue;
    const base = baseText(rt.parentElement);
    readings.push({rt: want(rt), base: base ? want(base) : null});
  }
  const rubies = [];
  for (const ruby of document.querySelectorAll('p.para.zh ruby')) {
    if (ruby.parentElement.closest('ruby')) continue;
    const rts = Array.from(ruby.querySelectorAll('rt')).filter(shown).map(want);
    rubies.push({ruby, base: want(baseText(ruby)), rts});
  }
  const box = document.createElement('div');
  box.style.cssText = 'position:absolute;visibility:hidden;left:0;top:0';
  const probes = nodes.map(({node, font}) => {
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;white-space:nowrap;left:0;top:0';
    FONT.forEach((p, i) => { probe.style[p] = font[i]; });
    probe.textContent = node.textContent;
    box.appendChild(probe);
    return probe;
  });
  document.body.appendChild(box);
  // a reading condensed by sheet.js (transform: scaleX) is that much narrower than its copy
  const scale = node => { const el = node.nodeType === 3 ? node.parentElement : node;
    const t = getComputedStyle(el).transform;
    return t && t !== 'none' ? new DOMMatrix(t).a : 1; };
  const measured = nodes.map(({node}, i) => {
    const w = probes[i].getBoundingClientRect().width * scale(node);
    const r = document.createRange(); r.selectNodeContents(node);
    const b = r.getBoundingClientRect(); const c = (b.left + b.right) / 2;
    return [c - w / 2, b.top, c + w / 2, b.bottom];
  });
  const letters = node => measured[index.get(node)];
  const out = {readings: [], rubies: []};
  for (const {rt, base} of readings)
    out.readings.push({kind: rt.className, text: rt.textContent, box: letters(rt),
                       base: base ? letters(base) : null, ch: base ? base.textContent : ''});
  for (const {ruby, base, rts} of rubies) {
    const b = ruby.getBoundingClientRect();
    const widest = Math.max(0, ...rts.map(rt => { const l = letters(rt); return l[2] - l[0]; }));
    out.rubies.push({box: [b.left, b.top, b.right, b.bottom], base: letters(base), widest});
  }
  box.remove();
  return out;
}"""


#: JavaScript: the gaps, in px, between the characters of one word (``within``: neighbours on one
#: line) and between two words with nothing but a line-break opportunity between them
#: (``between``: the last character of one and the first of the next, on one line), and per
#: word of two or more characters its widest gap between neighbouring characters (``pairs``:
#: [word, gap]). A character's box is that of its text wrapped in an inline-block: a ruby base
#: reports the box of its whole column.
WORD_GAPS_JS = """() => {
  // each character's own box: its text wrapped in an inline-block (a ruby base reports the box of
  // its whole column, not of its letter)
  const charBox = ruby => {
    let r = ruby; while (r.querySelector(':scope > ruby')) r = r.querySelector(':scope > ruby');
    const t = [...r.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
    if (!t) return null;
    const s = document.createElement('span'); s.style.display = 'inline-block';
    t.replaceWith(s); s.appendChild(t);
    return s;
  };
  const words = [];
  for (const p of document.querySelectorAll('p.para.zh.rd')) {
    for (const w of p.querySelectorAll('.w')) {
      const rubies = [...w.children].filter(c => c.tagName === 'RUBY');
      if (rubies.length !== w.children.length) { words.push(null); continue; }
      words.push({w, spans: rubies.map(charBox)});
    }
    words.push(null);
  }
  const box = s => { const b = s.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
  const within = [], between = [], pairs = [];
  let prev = null;
  for (const x of words) {
    if (!x) { prev = null; continue; }
    const bs = x.spans.map(box);
    let widest = null;
    for (let i = 1; i < bs.length; i++) if (Math.abs(bs[i][1] - bs[i-1][1]) < 2) {
      within.push(bs[i][0] - bs[i-1][2]);
      widest = Math.max(widest === null ? -Infinity : widest, bs[i][0] - bs[i-1][2]);
    }
    if (widest !== null) pairs.push([x.spans.map(s => s.textContent).join(''), widest]);
    // the word before, when nothing but a line-break opportunity stands between them
    let sib = x.w.previousSibling; while (sib && sib.nodeName === 'WBR') sib = sib.previousSibling;
    if (prev && sib === prev.w) { const a = prev.bs[prev.bs.length - 1], b = bs[0];
      if (Math.abs(a[1] - b[1]) < 2) between.push(b[0] - a[2]); }
    prev = {w: x.w, bs};
  }
  return {within, between, pairs};
}"""


def lines(boxes: Iterable[Sequence[float]], tolerance: float = 2.0) -> list[list[Sequence[float]]]:
    """Group ``[left, top, right, bottom, …]`` boxes into lines by their top, each sorted by x."""
    rows: list[list[Sequence[float]]] = []
    for b in sorted(boxes, key=lambda b: (b[1], b[0])):
        if rows and abs(rows[-1][0][1] - b[1]) <= tolerance:
            rows[-1].append(b)
        else:
            rows.append([b])
    return [sorted(r, key=lambda b: b[0]) for r in rows]


def crowded(boxes: Iterable[Sequence[float]], gap: float) -> list[tuple[Any, Any]]:
    """Neighbours on one line closer than ``gap`` (overlapping ones included)."""
    out = []
    for row in lines(boxes):
        for a, b in pairwise(row):
            if b[0] - a[2] < gap:
                out.append((a, b))
    return out


def off_centre(readings: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Readings whose centre is not over their character."""
    out = []
    for r in readings:
        left, _, right, _ = r["box"]
        base = r["base"]
        if base is None or not base[0] <= (left + right) / 2 <= base[2]:
            out.append(r)
    return out


def spread(rubies: Iterable[dict[str, Any]]) -> dict[str, float]:
    """The extra width readings add to the lines of characters, in px: per line, the sum over its
    characters of (box width - character width); the mean and the largest over the lines, and
    the mean width of a line's characters for scale."""
    rows = lines(
        [
            (
                *r["box"],
                r["box"][2] - r["box"][0] - (r["base"][2] - r["base"][0]),
                r["base"][2] - r["base"][0],
            )
            for r in rubies
        ]
    )
    extras = [sum(b[4] for b in row) for row in rows]
    widths = [sum(b[5] for b in row) for row in rows]
    return {
        "lines": len(rows),
        "mean": mean(extras) if extras else 0.0,
        "max": max(extras, default=0.0),
        "line": mean(widths) if widths else 0.0,
    }


def widened_beyond_overflow(rubies: Iterable[dict[str, Any]], gap: float) -> list[dict[str, Any]]:
    """Characters whose box is wider than both the character and its widest reading plus ``gap``."""
    out = []
    for r in rubies:
        width = r["box"][2] - r["box"][0]
        if width > max(r["base"][2] - r["base"][0], r["widest"] + gap) + 0.5:
            out.append(r)
    return out


#: JavaScript: resolves once the page has been laid out again after a change of media (Chromium
#: tells the page of a change of media at its next frame; sheet.js lays the readings out then).
SETTLED_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
