// Previews of linked terms: hovering or focusing a term link shows the term's first sentence
// beside it. The preview stays while the pointer is on the link or on the preview, or while
// the link has keyboard focus; Escape dismisses it; screen readers hear it through
// aria-describedby. Without JavaScript the links are plain links.
const links = [...document.querySelectorAll("a.term-link[data-summary]")].filter((link) => link.dataset.summary);

if (links.length > 0) {
  const preview = document.createElement("div");
  preview.id = "term-preview";
  preview.className = "term-preview";
  preview.setAttribute("role", "tooltip");
  preview.hidden = true;
  document.body.append(preview);

  let shown = null;    // the link whose preview is showing
  let hovered = null;  // the link under the pointer
  let focused = null;  // the link with keyboard focus
  let onPreview = false;
  let dismissed = false;
  let leaveTimer = 0;

  // Hover wins, then the preview being hovered, then focus; nothing left means no preview.
  const update = () => {
    const link = dismissed ? null : hovered ?? (onPreview ? shown : null) ?? focused;
    if (link === shown) {
      return;
    }
    shown?.removeAttribute("aria-describedby");
    shown = link;
    preview.hidden = !link;
    if (link) {
      preview.textContent = link.dataset.summary;
      link.setAttribute("aria-describedby", preview.id);
      place(link);
    }
  };

  // A short delay lets the pointer travel from the link onto the preview without losing it.
  const leaveSoon = () => {
    clearTimeout(leaveTimer);
    leaveTimer = setTimeout(() => {
      hovered = null;
      update();
    }, 250);
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
    link.addEventListener("mouseenter", () => {
      clearTimeout(leaveTimer);
      hovered = link;
      dismissed = false;
      update();
    });
    link.addEventListener("mouseleave", leaveSoon);
    link.addEventListener("focus", () => {
      focused = link;
      dismissed = false;
      update();
    });
    link.addEventListener("blur", () => {
      focused = null;
      update();
    });
  }
  preview.addEventListener("mouseenter", () => {
    clearTimeout(leaveTimer);
    onPreview = true;
  });
  preview.addEventListener("mouseleave", () => {
    onPreview = false;
    leaveSoon();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && shown) {
      dismissed = true;
      update();
    }
  });
}
