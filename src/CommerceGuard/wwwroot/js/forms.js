// Error summaries: bring the reader to the summary when a form comes back with errors, and
// let its links put the cursor in the field they name (a plain link only scrolls to it).
const summary = document.querySelector(".error-summary");

if (summary) {
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    const target = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) {
      return;
    }
    event.preventDefault();
    const field = target.matches("input, textarea, select") ? target : target.querySelector("input, textarea, select");
    (field ?? target).focus();
    target.scrollIntoView({ block: "center" });
  });
}
