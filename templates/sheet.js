/* duizhao study sheet: sentence linking and word glosses. No network, no dependencies. */
(function () {
  "use strict";
  var lit = [];
  var pinned = null;
  function light(b) {
    for (var i = 0; i < lit.length; i++) lit[i].classList.remove("lit");
    lit = [];
    if (b === null) return;
    lit = Array.prototype.slice.call(document.querySelectorAll('.s[data-b="' + b + '"]'));
    for (var j = 0; j < lit.length; j++) lit[j].classList.add("lit");
  }
  function bead(el) {
    var s = el && el.closest ? el.closest(".s[data-b]") : null;
    return s ? s.getAttribute("data-b") : null;
  }
  document.addEventListener("mouseover", function (e) {
    var b = bead(e.target);
    light(b !== null ? b : pinned);
  });
  var pop = document.getElementById("pop");
  function hidePop() { if (pop) pop.hidden = true; }
  document.addEventListener("click", function (e) {
    var b = bead(e.target);
    pinned = b === pinned ? null : b;
    light(pinned);
    var w = e.target.closest ? e.target.closest(".w[title]") : null;
    if (!w || !pop) { hidePop(); return; }
    pop.textContent = w.getAttribute("title");
    pop.hidden = false;
    // a word broken over two lines has a box per line: the one tapped
    var rs = w.getClientRects(), r = rs.length ? rs[rs.length - 1] : w.getBoundingClientRect();
    for (var k = 0; k < rs.length; k++) if (e.clientY >= rs[k].top && e.clientY <= rs[k].bottom) r = rs[k];
    var left = Math.max(8, Math.min(r.left, window.innerWidth - pop.offsetWidth - 8));
    pop.style.left = left + "px";
    // below the word, or above it when there is no room below; always inside the window
    var top = r.bottom + 6;
    if (top + pop.offsetHeight > window.innerHeight - 8) top = r.top - pop.offsetHeight - 6;
    pop.style.top = Math.max(8, top) + "px";
  });
  document.addEventListener("scroll", hidePop, { passive: true });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hidePop(); pinned = null; light(null); } });
})();

/* Readings over a word: the word's characters touch (html.rs, sheet.css), and each reading is set
   over its own character, as near its centre as the neighbouring readings allow (the closest fit
   in order, by pooling adjacent violators), condensed down to 70 % when the readings of a word are
   too wide for it to keep each centre over its character; the word gets room at its ends for the
   readings that stand out beyond it. Laid out again when the fonts, the media (print) or a
   reading toggle change. */
(function () {
  "use strict";
  var root = document.documentElement;
  function fit(xs, ws, s, gap) {
    // centres y, in order, y[i+1] - y[i] >= (ws[i] + ws[i+1]) * s / 2 + gap, nearest to xs
    var n = xs.length, d = [0], i;
    for (i = 1; i < n; i++) d.push(d[i - 1] + (ws[i - 1] + ws[i]) * s / 2 + gap);
    var blocks = [];  // [sum, count]
    for (i = 0; i < n; i++) {
      blocks.push([xs[i] - d[i], 1]);
      while (blocks.length > 1) {
        var b = blocks[blocks.length - 1], a = blocks[blocks.length - 2];
        if (a[0] / a[1] <= b[0] / b[1]) break;
        a[0] += b[0]; a[1] += b[1]; blocks.pop();
      }
    }
    var ys = [];
    for (var k = 0; k < blocks.length; k++)
      for (var j = 0; j < blocks[k][1]; j++) ys.push(blocks[k][0] / blocks[k][1] + d[ys.length]);
    return ys;
  }
  function layout() {
    var words = document.querySelectorAll(".para.zh.rd .w");
    var rts = document.querySelectorAll(".para.zh.rd rt");
    var i, j;
    root.classList.add("rs");
    for (i = 0; i < words.length; i++) { words[i].style.marginLeft = ""; words[i].style.marginRight = ""; }
    for (i = 0; i < rts.length; i++) rts[i].style.transform = "";
    var plans = [];
    for (i = 0; i < words.length; i++) {  // read every box first, then write
      var w = words[i], kids = w.children, rows = {};
      if (!kids.length) continue;
      var first = kids[0].getBoundingClientRect(), last = kids[kids.length - 1].getBoundingClientRect();
      if (Math.abs(first.top - last.top) > 2) continue;  // a word broken over two lines
      for (j = 0; j < kids.length; j++) {
        if (kids[j].tagName !== "RUBY") continue;
        var box = kids[j].getBoundingClientRect();
        var mine = kids[j].querySelectorAll("rt");
        for (var k = 0; k < mine.length; k++) {
          var rt = mine[k], width = rt.offsetWidth;
          if (!width) continue;  // hidden by a toggle
          var row = rt.classList.contains("jp") && mine.length > 1 ? "under" : "over";
          (rows[row] = rows[row] || []).push({ rt: rt, w: width, x: (box.left + box.right) / 2,
            c: box.right - box.left, font: parseFloat(getComputedStyle(rt).fontSize) });
        }
      }
      plans.push({ w: w, rows: rows, left: first.left, right: last.right });
    }
    for (i = 0; i < plans.length; i++) {
      var p = plans[i], over = 0, under = 0;
      for (var name in p.rows) {
        var items = p.rows[name], xs = [], ws = [];
        for (j = 0; j < items.length; j++) { xs.push(items[j].x); ws.push(items[j].w); }
        var gap = Math.max(2, items[0].font * 0.2), s = 1, ys;
        for (;;) {
          ys = fit(xs, ws, s, gap);
          var worst = 0;
          for (j = 0; j < items.length; j++) worst = Math.max(worst, Math.abs(ys[j] - xs[j]) - 0.42 * items[j].c);
          if (worst <= 0 || s <= 0.7) break;
          s = Math.max(0.7, s - 0.05);
        }
        for (j = 0; j < items.length; j++) {
          var it = items[j];
          it.rt.style.transform = "translateX(" + (ys[j] - xs[j] - it.w / 2).toFixed(2) + "px)" +
            (s < 1 ? " scaleX(" + s.toFixed(2) + ")" : "");
        }
        var n = items.length - 1;
        over = Math.max(over, p.left - (ys[0] - ws[0] * s / 2) + gap / 2);
        under = Math.max(under, ys[n] + ws[n] * s / 2 - p.right + gap / 2);
      }
      if (over > 0) p.w.style.marginLeft = over.toFixed(2) + "px";
      if (under > 0) p.w.style.marginRight = under.toFixed(2) + "px";
    }
  }
  if (!document.querySelector(".para.zh.rd ruby")) return;
  layout();
  var pending = 0;
  function later() { if (!pending) pending = requestAnimationFrame(function () { pending = 0; layout(); }); }
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(later);
  if (window.matchMedia) {
    var mq = window.matchMedia("print");
    if (mq.addEventListener) mq.addEventListener("change", layout);
  }
  window.addEventListener("beforeprint", layout);
  window.addEventListener("resize", later);
  document.addEventListener("change", function (e) { if (e.target.closest && e.target.closest(".toolbar")) layout(); });
})();
