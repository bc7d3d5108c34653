// "Was this helpful?" without leaving the page. Without JavaScript the same forms post
// normally and the reader lands on a thank-you page, so this file only improves things.
for (const section of document.querySelectorAll("[data-feedback]")) {
  const voteForm = section.querySelector(".feedback-vote");
  const commentForm = section.querySelector(".feedback-comment");
  const status = section.querySelector(".feedback-status");

  voteForm.addEventListener("submit", async (event) => {
    // A browser that cannot say which button was pressed posts the form the plain way.
    if (!event.submitter) {
      return;
    }
    event.preventDefault();
    const body = new FormData(voteForm);
    body.set("helpful", event.submitter.value);
    const receipt = await send(voteForm.action, body);
    if (!receipt) {
      announce(status, section.dataset.failed);
      return;
    }
    announce(status, section.dataset.thanks);
    commentForm.hidden = receipt.helpful;
    if (!receipt.helpful) {
      commentForm.querySelector("textarea").focus();
    }
  });

  commentForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const receipt = await send(commentForm.action, new FormData(commentForm));
    if (!receipt) {
      announce(status, section.dataset.failed);
      return;
    }
    commentForm.hidden = true;
    announce(status, section.dataset.commentThanks);
  });
}

// Screen readers announce a change to a live region; emptying it first makes a repeated
// message a change too.
function announce(region, message) {
  region.textContent = "";
  setTimeout(() => { region.textContent = message; }, 50);
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
