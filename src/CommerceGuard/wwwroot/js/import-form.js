// Refuses, before sending, a file larger than an import takes, so that nobody waits for a
// long upload to be turned away. The server checks again.
(function () {
  "use strict";
  var form = document.getElementById("import-form");
  if (!form) { return; }
  var input = form.querySelector("input[type=file]");
  var message = document.getElementById("import-too-large");
  var limit = Number(form.getAttribute("data-max-bytes"));
  function tooLarge() {
    return input.files && input.files.length > 0 && input.files[0].size > limit;
  }
  input.addEventListener("change", function () {
    message.hidden = !tooLarge();
    input.setAttribute("aria-invalid", tooLarge() ? "true" : "false");
  });
  form.addEventListener("submit", function (event) {
    if (tooLarge()) {
      event.preventDefault();
      message.hidden = false;
      input.focus();
    }
  });
})();
