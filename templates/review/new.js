/* duizhao review: the new-article page. The boxes are checked by the reader on the server; its
   messages are shown under the box they belong to, and a good article is saved and opened. */
(function () {
  "use strict";
  function show(messages) {
    document.querySelectorAll(".msgs").forEach(function (ul) { ul.innerHTML = ""; });
    document.querySelectorAll(".field").forEach(function (f) { f.classList.remove("bad"); });
    Object.keys(messages || {}).forEach(function (box) {
      var ul = document.getElementById("m-" + box);
      if (!ul) ul = document.getElementById("m-english");
      messages[box].forEach(function (m) {
        var li = document.createElement("li");
        li.textContent = m;
        ul.appendChild(li);
      });
      var f = ul.closest(".field");
      if (f) f.classList.add("bad");
    });
  }
  function post(url, body, type) {
    return fetch(url, { method: "POST", headers: { "Content-Type": type }, body: body })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        if (j.error) { show({ name: [j.error] }); return; }
        show(j.messages);
        if (j.ok) location.href = j.href;
      });
  }
  document.getElementById("new-article").addEventListener("submit", function (e) {
    e.preventDefault();
    var form = {};
    new FormData(e.target).forEach(function (v, k) { form[k] = v; });
    post("/new", JSON.stringify(form), "application/json");
  });
  document.getElementById("upload-article").addEventListener("submit", function (e) {
    e.preventDefault();
    var file = document.getElementById("f-upload").files[0];
    if (!file) { show({ upload: ["choose a file first"] }); return; }
    file.arrayBuffer().then(function (buf) {
      post("/new/upload?name=" + encodeURIComponent(file.name), buf, "application/octet-stream");
    });
  });
})();
