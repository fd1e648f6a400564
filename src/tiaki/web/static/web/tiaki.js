// The workspace's only script of its own (the pages work without it). Loaded as a file: the Content
// Security Policy allows no inline script.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Ask before a decision that changes who a person is; the reason field must be filled in first.
  document.querySelectorAll("form.decide button[value=reject]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      var reason = button.form.querySelector("input[name=reason]");
      if (reason && reason.value.trim() && !window.confirm("Reject this link? The accounts will be kept apart.")) {
        event.preventDefault();
      }
    });
  });
});
