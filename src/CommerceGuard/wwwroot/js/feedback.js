// "Was this helpful?" without leaving the page. Without JavaScript the same forms post
// normally and the reader lands on a thank-you page, so this file only improves things.
for (const section of document.querySelectorAll("[data-feedback]")) {
  const voteForm = section.querySelector(".feedback-vote");
  const commentForm = section.querySelector(".feedback-comment");
  const status = section.querySelector(".feedback-status");
  const complain = section.querySelector(".feedback-complain");
  // The fresh stamp asked for when the comment box opened, which a comment waits for.
  let stamped = Promise.resolve();

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
      stamped = refreshStamp(commentForm);
      commentForm.querySelector("input[name=reason]").focus();
    }
  });

  commentForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    // Sent before the fresh stamp came, a comment would carry the page's, which may be minutes old.
    await stamped;
    const receipt = await send(commentForm.action, new FormData(commentForm));
    if (!receipt) {
      announce(status, section.dataset.failed);
      return;
    }
    commentForm.hidden = true;
    announce(status, section.dataset.commentThanks);
    // "This happened to me": where to complain comes next.
    if (receipt.complainUrl && complain) {
      complain.hidden = false;
      complain.querySelector("a").focus();
    }
  });
}

// Screen readers announce a change to a live region; emptying it first makes a repeated
// message a change too.
function announce(region, message) {
  region.textContent = "";
  setTimeout(() => { region.textContent = message; }, 50);
}

// The page may come from a cache shared by every reader, so the stamp of when its form was
// shown may say when the page was made, minutes ago. The spam defence times a comment from when
// this reader started it instead. If the stamp cannot be had, the page's stays.
async function refreshStamp(form) {
  try {
    const response = await fetch(form.dataset.stampUrl, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      cache: "no-store",
    });
    const fresh = response.ok ? (await response.json()).stamp : null;
    if (typeof fresh === "string") {
      form.elements["form-shown"].value = fresh; // SpamDefence.StampField
    }
  } catch {
    // The page's stamp stays.
  }
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
