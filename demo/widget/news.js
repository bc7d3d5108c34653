// The partner's own script: a global of its own and a button, which must keep working after the
// widget has run.
var newsSite = { name: "Riverside Ledger", likes: 0 };

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("like").addEventListener("click", () => {
    newsSite.likes += 1;
    document.getElementById("likes").textContent = String(newsSite.likes);
  });
});
