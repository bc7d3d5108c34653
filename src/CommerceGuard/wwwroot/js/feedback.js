// "Was this helpful?" without leaving the page. Without JavaScript the same forms post
// normally and the reader lands on a thank-you page, so this file only improves things.
const sections = document.querySelectorAll("[data-feedback]");

for (const section of sections) {
  const voteForm = section.querySelector(".feedback-vote");
  const commentForm = section.querySelector(".feedback-comment");
  const status = section.querySelector(".feedback-status");

  voteForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = new FormData(voteForm);
    body.set("helpful", event.submitter?.value ?? "yes");
    const receipt = await send(voteForm.action, body);
    if (!receipt) {
      status.textContent = section.dataset.failed;
      return;
    }
    status.textContent = section.dataset.thanks;
    if (!receipt.helpful) {
      commentForm.hidden = false;
      commentForm.querySelector("textarea").focus();
    }
  });

  commentForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const receipt = await send(commentForm.action, new FormData(commentForm));
    if (!receipt) {
      status.textContent = section.dataset.failed;
      return;
    }
    commentForm.hidden = true;
    status.textContent = section.dataset.commentThanks;
  });
}

async function send(url, formData) {
  try {
    const response = await fetch(url, {
      method: "POST",
      body: new URLSearchParams(formData),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}
