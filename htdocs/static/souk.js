/* souk.js — small progressive enhancements; every page works without it. */
(function () {
  "use strict";
  // Sorting applies as soon as a choice is made.
  document.querySelectorAll("form.filters select[name=sort]").forEach(function (s) {
    s.addEventListener("change", function () { s.form.submit(); });
  });
})();
