/* duizhao review page: click to correct. Each change is sent to the server, which writes the
   article's corrections file; the page then reloads with the sheet made again. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("review-data").textContent);
  var pop = document.getElementById("rv-pop");
  var status = document.getElementById("rv-status");
  var editUrl = "/a/" + encodeURIComponent(data.article) + "/edit";

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function button(label, onclick, cls) {
    var b = el("button", { type: "button", "class": "rb-button" + (cls ? " " + cls : "") }, label);
    b.addEventListener("click", onclick);
    return b;
  }

  // -- the readings: choosing with the mouse reloads the page with ?reading= at once; from the
  // keyboard the arrows only choose (nothing reloads under the user), Enter or "Apply" reloads,
  // and the focus comes back to the select
  var readingForm = document.querySelector(".rb-reading");
  if (readingForm) {
    var readingSelect = readingForm.querySelector("select");
    var keyed = false;
    var reload = function (keepFocus) {
      try {
        if (keepFocus) sessionStorage.setItem("rb-reading-focus", "1");
      } catch (e) { /* no storage: the focus goes to the top */ }
      readingForm.submit();
    };
    readingSelect.addEventListener("pointerdown", function () { keyed = false; });
    readingSelect.addEventListener("keydown", function (e) {
      keyed = true;
      if (e.key === "Enter") {
        e.preventDefault();
        reload(true);
      }
    });
    readingSelect.addEventListener("change", function () { if (!keyed) reload(false); });
    readingForm.addEventListener("submit", function () {  // the "Apply" button
      try { sessionStorage.setItem("rb-reading-focus", "1"); } catch (e) { /* no storage */ }
    });
    try {
      if (sessionStorage.getItem("rb-reading-focus")) {
        sessionStorage.removeItem("rb-reading-focus");
        readingSelect.focus();
      }
    } catch (e) { /* no storage */ }
  }

  // -- sending changes -----------------------------------------------------------------------
  function send(changes) {
    var list = Array.isArray(changes) ? changes : [changes];
    status.classList.add("busy");
    status.classList.remove("err");
    var chain = Promise.resolve();
    list.forEach(function (c) {
      chain = chain.then(function () {
        return fetch(editUrl, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(c)
        }).then(function (r) {
          return r.json().then(function (j) {
            if (!r.ok || !j.ok) throw new Error(j.error || ("the server answered " + r.status));
            return j;
          });
        });
      });
    });
    return chain.then(function () {
      sessionStorage.setItem("rv-scroll", String(window.scrollY));
      location.reload();
    }, function (err) {
      status.classList.remove("busy");
      status.classList.add("err");
      status.textContent = "Not saved: " + err.message;
      var box = pop.querySelector(".err");
      if (box) box.textContent = err.message;
      throw err;
    });
  }
  var scroll = sessionStorage.getItem("rv-scroll");
  if (scroll !== null) { sessionStorage.removeItem("rv-scroll"); window.scrollTo(0, +scroll); }

  // -- the pop-up ----------------------------------------------------------------------------
  function openPop(anchor, title) {
    pop.innerHTML = "";
    pop.appendChild(button("×", closePop, "close")).setAttribute("aria-label", "close");
    pop.appendChild(el("h3", {}, title));
    pop.hidden = false;
    var r = anchor.getBoundingClientRect();
    pop.style.left = Math.max(8, Math.min(r.left + window.scrollX,
      window.scrollX + document.documentElement.clientWidth - 380)) + "px";
    pop.style.top = (r.bottom + window.scrollY + 6) + "px";
    return pop;
  }
  function closePop() { pop.hidden = true; pop.innerHTML = ""; }
  function errLine() { return pop.appendChild(el("p", { "class": "err", role: "alert" })); }
  function field(label, value, name) {
    var id = "rv-" + name;
    pop.appendChild(el("label", { "for": id }, label));
    var input = el("input", { type: "text", id: id, name: name });
    input.value = value || "";
    pop.appendChild(input);
    return input;
  }
  function quiet(p) { p.catch(function () {}); }

  // -- a highlighted term ----------------------------------------------------------------------
  function termPop(mark) {
    var t = data.terms[+mark.getAttribute("data-t") - 1];
    if (!t) return;
    var p = openPop(mark, t.term + " → " + (t.no_counterpart ? "no counterpart" : (t.zh || "?")));
    p.appendChild(el("p", { "class": "note" }, "Choose its Chinese counterpart in this article:"));
    var opts = p.appendChild(el("div", { "class": "opts" }));
    t.candidates.forEach(function (c) {
      var b = button(c, function () { quiet(send({ action: "counterpart", term: t.term, zh: c })); },
        c === t.zh && !t.no_counterpart ? "primary" : "");
      b.setAttribute("lang", "zh-Hant");
      b.setAttribute("data-candidate", c);
      opts.appendChild(b);
    });
    var typed = field("…or type it as it is written in the Chinese text", "", "zh");
    typed.setAttribute("lang", "zh-Hant");
    var row = p.appendChild(el("div", { "class": "opts" }));
    row.appendChild(button("Use this", function () {
      quiet(send({ action: "counterpart", term: t.term, zh: typed.value }));
    }, "primary"));
    row.appendChild(button("No counterpart here", function () {
      quiet(send({ action: "counterpart", term: t.term, zh: null }));
    }));
    if (t.chosen) row.appendChild(button("Let duizhao choose", function () {
      quiet(send({ action: "clear-counterpart", term: t.term }));
    }));
    var para = mark.closest(".para.zh");
    if (para) {
      var text = Array.prototype.map.call(mark.querySelectorAll(".w, .x"), function (w) {
        return wordText(w);
      }).join("");
      row.appendChild(button("Not here: remove this highlight", function () {
        quiet(send({ action: "highlight", term: t.term, zh: text, remove: true,
                     paragraph: +para.getAttribute("data-p") }));
      }));
    }
    errLine();
  }

  // -- a paragraph ---------------------------------------------------------------------------
  function pairedWith(lang, i) {
    var other = lang === "en" ? "zh" : "en";
    for (var k = 0; k < data.pairs.length; k++) {
      if (data.pairs[k][lang].indexOf(i) >= 0) return data.pairs[k][other];
    }
    return [];
  }
  function paragraphPop(para) {
    var lang = para.classList.contains("zh") ? "zh" : "en";
    var other = lang === "en" ? "zh" : "en";
    var i = +para.getAttribute("data-p");
    var now = pairedWith(lang, i);
    var name = lang === "en" ? "English" : "Chinese";
    var otherName = lang === "en" ? "Chinese" : "English";
    var p = openPop(para.querySelector(".pn"), name + " ¶" + (i + 1) + ": " +
      (now.length ? "paired with " + otherName + " ¶" + now.map(function (n) { return n + 1; }).join(", ¶")
                  : "no " + otherName + " counterpart"));
    p.appendChild(el("label", { "for": "rv-pair" }, "Pair it with " + otherName + " paragraph"));
    var sel = p.appendChild(el("select", { id: "rv-pair" }));
    data[other].forEach(function (text, n) {
      var o = el("option", { value: String(n) }, "¶" + (n + 1) + ": " + text);
      if (now.indexOf(n) >= 0) o.selected = true;
      sel.appendChild(o);
    });
    var row = p.appendChild(el("div", { "class": "opts" }));
    row.appendChild(button("Pair", function () {
      var n = +sel.value;
      quiet(send(lang === "en" ? { action: "pair", en: i, zh: n } : { action: "pair", en: n, zh: i }));
    }, "primary"));
    if (now.length) row.appendChild(button("No " + otherName + " counterpart", function () {
      quiet(send(now.map(function (n) {
        return lang === "en" ? { action: "unpair", en: i, zh: n } : { action: "unpair", en: n, zh: i };
      })));
    }));
    var en = lang === "en" ? [i] : now;
    var touched = data.pins.concat(data.unpins).some(function (q) { return en.indexOf(q[0]) >= 0; });
    if (touched) row.appendChild(button("Let duizhao pair it", function () {
      quiet(send(en.map(function (n) { return { action: "clear-pairing", en: n }; })));
    }));
    sentencePins(p, lang, i);
    errLine();
  }

  // -- the sentence pairs inside a paragraph pair (the corrections file's [sentences] pin) -------
  function sentencePins(p, lang, i) {
    var bead = null;
    data.pairs.forEach(function (b) { if (b[lang].indexOf(i) >= 0) bead = b; });
    if (!bead || !bead.en.length || !bead.zh.length) return;
    var enS = [], zhS = [];
    data.en_sentences.forEach(function (s, n) { if (bead.en.indexOf(s[0]) >= 0) enS.push(n); });
    data.zh_sentences.forEach(function (s, n) { if (bead.zh.indexOf(s[0]) >= 0) zhS.push(n); });
    function partners(n) {
      for (var k = 0; k < data.sentence_pairs.length; k++) {
        if (data.sentence_pairs[k][0].indexOf(n) >= 0) return data.sentence_pairs[k][1];
      }
      return [];
    }
    function pinned(n) {
      return data.sentence_pins.some(function (q) { return q[0] === n; });
    }
    var box = p.appendChild(el("div", { "class": "rv-sentences" }));
    box.appendChild(el("h4", {}, "Sentence pairs in these paragraphs"));
    box.appendChild(el("label", { "for": "rv-sen-en" }, "English sentence"));
    var selEn = box.appendChild(el("select", { id: "rv-sen-en" }));
    enS.forEach(function (n) {
      var with_ = partners(n).map(function (z) { return z + 1; }).join(", ");
      selEn.appendChild(el("option", { value: String(n) }, (n + 1) + ". " + data.en_sentences[n][1] +
        (with_ ? "  ↔ " + with_ : "  ↔ none") + (pinned(n) ? " (pinned)" : "")));
    });
    box.appendChild(el("label", { "for": "rv-sen-zh" }, "goes with Chinese sentence"));
    var selZh = box.appendChild(el("select", { id: "rv-sen-zh", lang: "zh-Hant" }));
    zhS.forEach(function (n) {
      selZh.appendChild(el("option", { value: String(n) }, (n + 1) + ". " + data.zh_sentences[n][1]));
    });
    function showPartner() {
      var now = partners(+selEn.value);
      if (now.length) selZh.value = String(now[0]);
    }
    selEn.addEventListener("change", showPartner);
    showPartner();
    var row = box.appendChild(el("div", { "class": "opts" }));
    row.appendChild(button("Pin these sentences", function () {
      quiet(send({ action: "pin-sentences", en: +selEn.value, zh: +selZh.value }));
    }, "primary"));
    if (enS.some(pinned)) row.appendChild(button("Let duizhao pair these sentences", function () {
      quiet(send({ action: "clear-sentence-pins", en: enS.filter(pinned) }));
    }));
  }

  // -- a Chinese word --------------------------------------------------------------------------
  function wordText(w) {
    var out = "";
    w.childNodes.forEach(function walk(n) {
      if (n.nodeType === 3) out += n.nodeValue;
      else if (n.nodeName !== "RT") n.childNodes.forEach(walk);
    });
    return out;
  }
  function wordPop(w) {
    var title = w.getAttribute("title") || "";
    var m = /^(\S+?)(?::| |$)(?:([^\[:(]*[^\[:( ]))?\s*(?:\[([^\]]+)\])?/.exec(title) || [];
    var word = m[1] || wordText(w);
    var py = data.readings[word] ? data.readings[word][0] : (m[2] || "");
    var jp = data.readings[word] ? data.readings[word][1] : (m[3] || "");
    var gloss = w.getAttribute("data-g") || "";
    var p = openPop(w, word);
    p.firstChild.nextSibling.setAttribute("lang", "zh-Hant");
    var fpy = field("Pinyin (one syllable a character)", py, "pinyin");
    var fjp = field("Jyutping", jp, "jyutping");
    var fgl = field("Meaning", gloss, "gloss");
    var fcut = field("Word cut (spaces between words; join or split the characters)",
      data.words[word] || word, "parts");
    fcut.setAttribute("lang", "zh-Hant");
    var row = p.appendChild(el("div", { "class": "opts" }));
    row.appendChild(button("Save", function () {
      var changes = [];
      var reading = { action: "reading", word: word };
      if (fpy.value.trim() !== py.trim()) reading.pinyin = fpy.value;
      if (fjp.value.trim() !== jp.trim()) reading.jyutping = fjp.value;
      if ("pinyin" in reading || "jyutping" in reading) changes.push(reading);
      if (fgl.value.trim() && fgl.value.trim() !== gloss.trim())
        changes.push({ action: "gloss", word: word, gloss: fgl.value });
      var parts = fcut.value.trim().split(/\s+/);
      if (parts.join("") !== word) {
        pop.querySelector(".err").textContent = "The cut must keep the characters: " + word;
        return;
      }
      if (fcut.value.trim() !== word) changes.push({ action: "words", text: word, parts: fcut.value });
      if (changes.length) quiet(send(changes)); else closePop();
    }, "primary"));
    row.appendChild(button("Add to vocabulary", function () {
      quiet(send({ action: "add-vocabulary", word: word }));
    }));
    if (data.terms.length) {
      p.appendChild(el("label", { "for": "rv-term" }, "Highlight it as the counterpart of"));
      var sel = p.appendChild(el("select", { id: "rv-term" }));
      data.terms.forEach(function (t) { sel.appendChild(el("option", { value: t.term }, t.term)); });
      var para = w.closest(".para.zh");
      p.appendChild(button("Highlight here", function () {
        quiet(send({ action: "highlight", term: sel.value, zh: word,
                     paragraph: para ? +para.getAttribute("data-p") : null }));
      }));
    }
    ["readings", "glosses", "words"].forEach(function (f) {
      var has = f === "readings" ? data.readings[word] : f === "glosses" ? data.glosses[word] : data.words[word];
      if (has !== undefined) p.appendChild(button("Undo my " + f.replace(/s$/, "").replace("word", "word cut"), function () {
        quiet(send({ action: "clear", field: f, key: word }));
      }));
    });
    errLine();
  }

  // -- vocabulary ----------------------------------------------------------------------------
  document.querySelectorAll(".vocab tbody tr").forEach(function (tr) {
    var cell = tr.querySelector(".vw");
    if (!cell) return;
    var word = cell.textContent.trim();
    tr.setAttribute("data-word", word);
    var b = button("Hide", function () { quiet(send({ action: "hide", word: word })); }, "rv-hide");
    b.setAttribute("aria-label", "hide " + word);
    cell.appendChild(b);
    if (tr.closest(".vocab-en")) {
      var z = button("中文…", function () { vocabPop(tr, word); }, "rv-zh");
      z.setAttribute("aria-label", "the Chinese of " + word);
      cell.appendChild(z);
    }
  });
  // the Chinese of an English vocabulary word (duizhao's may be marked "check")
  function vocabPop(tr, word) {
    var zhCell = tr.querySelector('td[lang="zh-Hant"], td[lang="zh-Hans"]');
    // the cell's Chinese without its marks: "? check", and the dash of an empty cell
    var now = zhCell ? zhCell.textContent.replace("? check", "").replace(/^\s*–\s*$/, "").trim() : "";
    var p = openPop(tr.querySelector(".vw"), word + " → " + (now || "?"));
    var typed = field("Its Chinese in this article, as written in the Chinese text", now, "vocab-zh");
    typed.setAttribute("lang", "zh-Hant");
    var row = p.appendChild(el("div", { "class": "opts" }));
    row.appendChild(button("Use this", function () {
      quiet(send({ action: "add-vocabulary", word: word, translation: typed.value }));
    }, "primary"));
    errLine();
  }
  if (data.hidden.length) {
    var box = document.getElementById("to-check");
    var p = box.appendChild(el("p", { "class": "hidden-words" }, "Hidden vocabulary: "));
    data.hidden.forEach(function (word) {
      p.appendChild(el("span", { lang: "zh-Hant" }, word + " "));
      p.appendChild(button("show again", function () { quiet(send({ action: "unhide", word: word })); }, "rv-hide"));
    });
  }

  // -- flags -------------------------------------------------------------------------------
  function targetOf(t) {
    var k = t.indexOf(":"), kind = t.slice(0, k), v = t.slice(k + 1);
    if (kind === "term") return document.querySelectorAll('mark.term[data-t="' + v + '"]');
    if (kind === "en" || kind === "zh") return document.querySelectorAll("#" + kind + "-p" + v);
    if (kind === "vocab") return document.querySelectorAll('.vocab tr[data-word="' + CSS.escape(v) + '"]');
    return [];
  }
  document.querySelectorAll(".to-check li[data-target]").forEach(function (li) {
    var targets = targetOf(li.getAttribute("data-target"));
    targets.forEach(function (t) { t.classList.add("check"); });
    li.addEventListener("click", function () {
      if (!targets.length) return;
      targets[0].scrollIntoView({ block: "center" });
      targets.forEach(function (t) { t.classList.remove("flash"); void t.offsetWidth; t.classList.add("flash"); });
    });
  });
  Object.keys(data.readings).concat(Object.keys(data.glosses), Object.keys(data.words)).forEach(function (word) {
    document.querySelectorAll(".para.zh .w[title]").forEach(function (w) {
      if ((w.getAttribute("title") || "").split(/[ :]/)[0] === word) w.classList.add("fixed");
    });
  });

  // -- clicks (before the sheet's own script, which shows a word's gloss) ---------------------
  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!t.closest || t.closest("#rv-pop") || t.closest(".review-bar") || t.closest(".to-check")) return;
    var mark = t.closest("mark.term[data-t]");
    var pn = t.closest(".pn");
    var w = t.closest(".para.zh .w");
    if (pn) { paragraphPop(pn.closest(".para")); }
    else if (mark && !(w && e.altKey)) { termPop(mark); }
    else if (w) { wordPop(w); }
    else { if (!pop.hidden) closePop(); return; }
    e.stopPropagation();
    e.preventDefault();
  }, true);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") closePop(); });
})();
