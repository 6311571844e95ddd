// The console's only script: copy buttons and an import's progress.
// Every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (!source || !navigator.clipboard) { return; }
      navigator.clipboard.writeText(source.textContent).then(function () {
        button.textContent = "Copied";
      });
    });
  });
});

// An import job's page: poll its status until the job is over (the page
// says the same after a reload).
document.addEventListener("DOMContentLoaded", function () {
  var job = document.getElementById("import-job");
  if (!job) { return; }
  var url = job.getAttribute("data-status");
  function show(s) {
    var bar = document.getElementById("import-progress");
    bar.max = Math.max(s.total, 1);
    bar.value = s.bytes;
    bar.textContent = s.bytes + " of " + s.total + " bytes";
    document.getElementById("import-state").textContent = s.state;
    document.getElementById("import-lines").textContent = s.lines;
    document.getElementById("import-stored").textContent = s.stored;
    document.getElementById("import-blocks").textContent = s.blocks;
    var error = document.getElementById("import-error");
    if (s.error) {
      error.textContent = (s.error.line ? "Line " + s.error.line + ": " : "") +
        s.error.message + ". Nothing was stored.";
      error.hidden = false;
    }
  }
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) { return; }
        show(s);
        if (s.state === "running") { setTimeout(poll, 250); }
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  if (document.getElementById("import-state").textContent === "running") { poll(); }
});
