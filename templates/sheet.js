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
