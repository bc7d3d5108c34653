// "Cite this term": a copy button beside each citation. Without script the text is there to select.
for (const section of document.querySelectorAll('.term-cite')) {
  const status = section.querySelector('[data-copy-status]');
  for (const button of section.querySelectorAll('.copy-button')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const html = document.getElementById(button.dataset.copy)?.innerHTML ?? '';
      const text = button.dataset.text ?? '';
      try {
        // Rich text keeps the italics where a word processor takes it; plain text goes everywhere else.
        if (window.ClipboardItem) {
          await navigator.clipboard.write([new ClipboardItem({
            'text/plain': new Blob([text], { type: 'text/plain' }),
            'text/html': new Blob([html], { type: 'text/html' }),
          })]);
        } else {
          await navigator.clipboard.writeText(text);
        }
        status.textContent = section.dataset.copied;
      } catch {
        status.textContent = section.dataset.copyFailed;
      }
    });
  }
}
