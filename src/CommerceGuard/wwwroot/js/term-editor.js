// The term editor: a live preview, and a copy of the form kept in this browser so that a closed
// tab or an expired session loses nothing. A save interrupted by signing in again is completed
// once the writer is back on this page.
const form = document.getElementById("term-form");

if (form) {
  // One copy per person and term, so that on a shared computer nobody is offered another's text.
  const key = `cg-term:${form.dataset.account ?? ""}:${form.dataset.term}`;
  // A save interrupted by signing in again is completed only soon after, and only a save.
  const replayMinutes = 30;
  const replayable = ["Save", "Publish"];
  const notice = document.getElementById("autosave-notice");
  const preview = document.getElementById("term-preview");
  const token = () => form.querySelector("input[name='__RequestVerificationToken']")?.value ?? "";
  const tokenName = "__RequestVerificationToken";
  const keepDays = 30;

  const entries = () => [...new FormData(form)].filter(([name]) => name !== tokenName);
  const load = () => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? "null");
    } catch {
      return null;
    }
  };
  const store = (copy) => {
    try {
      localStorage.setItem(key, JSON.stringify(copy));
    } catch {
      // Storage full or refused (private browsing): the form still works, only without the copy.
    }
  };
  const keep = (extra = {}) => store({ savedAt: new Date().toISOString(), entries: entries(), ...extra });

  function debounce(work, ms) {
    let timer;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(work, ms);
    };
  }

  function say(message, ...buttons) {
    notice.replaceChildren(message, ...buttons);
    notice.hidden = false;
  }

  function button(text, onClick) {
    const element = document.createElement("button");
    element.type = "button";
    element.className = "button button-small button-secondary";
    element.textContent = text;
    element.addEventListener("click", onClick);
    return element;
  }

  // Posts a stored copy of the form as if it were typed here, with this page's fresh token.
  function post(copy, action, submitter) {
    const replay = document.createElement("form");
    replay.method = "post";
    replay.action = action;
    replay.hidden = true;
    const add = (name, value) => {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      replay.append(input);
    };
    copy.entries.forEach(([name, value]) => add(name, value));
    if (submitter?.name) {
      add(submitter.name, submitter.value);
    }
    add(tokenName, token());
    document.body.append(replay);
    replay.submit();
  }

  const previewAction = () => {
    const url = new URL(form.action, location.href);
    url.searchParams.set("handler", "Preview");
    return url.toString();
  };

  // Old copies of other terms are dropped, so storage does not fill up over months.
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const name = localStorage.key(i);
    if (name?.startsWith("cg-term:")) {
      try {
        const copy = JSON.parse(localStorage.getItem(name));
        if (Date.now() - Date.parse(copy.savedAt) > keepDays * 864e5) {
          localStorage.removeItem(name);
        }
      } catch {
        localStorage.removeItem(name);
      }
    }
  }

  const stored = load();
  const state = form.dataset.formState;
  const handlerOf = (action) => new URL(action, location.href).searchParams.get("handler");
  const recent = (copy) => Date.now() - Date.parse(copy.savedAt) < replayMinutes * 60e3;
  const newKey = `cg-term:${form.dataset.account ?? ""}:new`;
  if (state === "saved") {
    localStorage.removeItem(key);
    if (JSON.parse(localStorage.getItem(newKey) ?? "null")?.submit) {
      localStorage.removeItem(newKey);
    }
  } else if (state === "received") {
    // The server has what was sent; it answered with the form as sent, so the copy matches it.
    keep();
  } else if (stored?.submit && recent(stored) && replayable.includes(handlerOf(stored.submit.action))) {
    // The last save never reached the editor (the session had ended): make it now, once.
    store({ ...stored, submit: undefined });
    say("Completing your save…");
    post(stored, stored.submit.action, stored.submit);
  } else if (stored && JSON.stringify(stored.entries) !== JSON.stringify(entries())) {
    const when = new Date(stored.savedAt).toLocaleString();
    say(
      `Changes you made on ${when} were not saved. `,
      button("Bring them back", () => post(stored, previewAction())),
      " ",
      button("Discard them", () => {
        localStorage.removeItem(key);
        notice.hidden = true;
      }),
    );
  }

  form.addEventListener("input", debounce(() => keep(), 300));
  form.querySelectorAll("[data-confirm]:not([data-confirm=''])").forEach((button) =>
    button.addEventListener("click", (event) => {
      if (!confirm(button.dataset.confirm)) {
        event.preventDefault();
      }
    }),
  );
  form.addEventListener("submit", (event) => {
    const submitter = event.submitter;
    // A button without its own formaction reports the page's address, not the form's.
    const action = submitter?.hasAttribute("formaction") ? submitter.formAction : form.action;
    keep({ submit: { action, name: submitter?.name ?? "", value: submitter?.value ?? "" } });
  });

  // The live preview: the server renders the form's content with the public page's own pipeline.
  let pending;
  const refresh = async () => {
    pending?.abort();
    pending = new AbortController();
    try {
      const response = await fetch(previewAction(), {
        method: "POST",
        body: new FormData(form),
        headers: { "X-Term-Preview": "1" },
        signal: pending.signal,
        redirect: "manual",
      });
      if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
        say("Your session has ended. Your changes are kept in this browser: sign in again from another tab, or save and sign in, and the save will be completed.");
        return;
      }
      if (response.ok) {
        preview.innerHTML = await response.text();
      }
    } catch (error) {
      if (error.name !== "AbortError") {
        console.warn("Preview failed", error);
      }
    }
  };
  form.addEventListener("input", debounce(refresh, 500));
  form.addEventListener("change", debounce(refresh, 500));

  // Related terms: published titles to pick from as the writer types, from the site's suggestions.
  const titles = document.getElementById("term-titles");
  let suggesting;
  const suggest = async (text) => {
    suggesting?.abort();
    suggesting = new AbortController();
    try {
      const response = await fetch(`/api/v1/search/suggest?q=${encodeURIComponent(text)}&language=${encodeURIComponent(form.dataset.language ?? "en")}`, { signal: suggesting.signal });
      if (response.ok) {
        titles.replaceChildren(...(await response.json()).map(({ title }) => Object.assign(document.createElement("option"), { value: title })));
      }
    } catch (error) {
      if (error.name !== "AbortError") {
        console.warn("Suggestions failed", error);
      }
    }
  };
  let suggestTimer;
  form.addEventListener("input", (event) => {
    if (titles && event.target.matches("[data-related]") && event.target.value.trim().length >= 2) {
      clearTimeout(suggestTimer);
      suggestTimer = setTimeout(() => suggest(event.target.value.trim()), 250);
    }
  });

  // In a conflict, a field's text as the other writer saved it can be taken into the form whole.
  document.querySelectorAll("[data-take-theirs]").forEach((take) => {
    take.hidden = false;
    take.addEventListener("click", () => {
      const name = take.dataset.takeTheirs;
      const field = document.getElementById(`field-${name}`);
      const theirs = document.getElementById(`theirs-${name}`);
      if (field && theirs) {
        field.value = theirs.textContent;
        field.dispatchEvent(new Event("input", { bubbles: true }));
        field.focus();
      }
    });
  });
}
