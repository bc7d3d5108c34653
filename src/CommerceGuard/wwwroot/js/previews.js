// Previews of linked terms: hovering or focusing a term link shows the term's first sentence
// beside it. The preview can be hovered itself, is read by screen readers through
// aria-describedby, and Escape dismisses it. Without JavaScript the links are plain links.
const links = document.querySelectorAll("a.term-link[data-summary]");

if (links.length > 0) {
  const preview = document.createElement("div");
  preview.id = "term-preview";
  preview.className = "term-preview";
  preview.setAttribute("role", "tooltip");
  preview.hidden = true;
  document.body.append(preview);

  let owner = null;
  let hideTimer = 0;

  const show = (link) => {
    clearTimeout(hideTimer);
    owner?.removeAttribute("aria-describedby");
    owner = link;
    preview.textContent = link.dataset.summary;
    preview.hidden = false;
    link.setAttribute("aria-describedby", preview.id);
    place(link);
  };

  const hide = () => {
    clearTimeout(hideTimer);
    preview.hidden = true;
    owner?.removeAttribute("aria-describedby");
    owner = null;
  };

  // A short delay lets the pointer travel from the link onto the preview without losing it.
  const hideSoon = () => {
    hideTimer = setTimeout(hide, 250);
  };

  const place = (link) => {
    const box = link.getBoundingClientRect();
    const width = Math.min(320, document.documentElement.clientWidth - 16);
    const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    preview.style.width = `${width}px`;
    preview.style.left = `${window.scrollX + left}px`;
    preview.style.top = `${window.scrollY + box.bottom + 6}px`;
  };

  for (const link of links) {
    link.addEventListener("mouseenter", () => show(link));
    link.addEventListener("mouseleave", hideSoon);
    link.addEventListener("focus", () => show(link));
    link.addEventListener("blur", hide);
  }
  preview.addEventListener("mouseenter", () => clearTimeout(hideTimer));
  preview.addEventListener("mouseleave", hideSoon);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !preview.hidden) {
      hide();
    }
  });
}
