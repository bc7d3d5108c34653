// The API reference's "Try it" forms: each sends its operation from this page and shows the
// answer (status, the headers that matter, and the body). The key typed in one form is not kept
// anywhere: it goes with that request only.
const shownHeaders = ["content-type", "etag", "last-modified", "location", "ratelimit", "ratelimit-policy", "retry-after", "www-authenticate"];

const fill = (path, form) => {
  let address = path;
  const query = new URLSearchParams();
  const headers = new Headers();
  for (const input of form.querySelectorAll("[data-try-name]")) {
    const value = input.value.trim();
    if (value === "") continue;
    const name = input.dataset.tryName;
    switch (input.dataset.tryIn) {
      case "path": address = address.replace(`{${name}}`, encodeURIComponent(value)); break;
      case "query": query.set(name, value); break;
      case "header": headers.set(name, value); break;
    }
  }
  const text = query.toString();
  return { address: text ? `${address}?${text}` : address, headers };
};

const show = (form, status, lines) => {
  const result = form.querySelector("[data-try-result]");
  form.querySelector("[data-try-status]").textContent = status;
  form.querySelector("[data-try-output]").textContent = lines;
  result.hidden = false;
};

const send = async (form) => {
  const { address, headers } = fill(form.dataset.tryPath, form);
  if (address.includes("{")) {
    show(form, form.dataset.missing ?? "Fill in every path parameter.", "");
    return;
  }
  const key = form.querySelector("[data-try-key]")?.value.trim();
  if (key) headers.set("Authorization", `Bearer ${key}`);
  const body = form.querySelector("[data-try-body]")?.value;
  if (body !== undefined) headers.set("Content-Type", "application/json");
  try {
    const response = await fetch(address, { method: form.dataset.tryMethod, headers, body, credentials: "omit", cache: "no-store" });
    const fields = shownHeaders.filter((name) => response.headers.has(name)).map((name) => `${name}: ${response.headers.get(name)}`);
    let text = await response.text();
    try { text = JSON.stringify(JSON.parse(text), null, 2); } catch { /* not JSON: shown as it came */ }
    show(form, `${response.status} ${response.statusText} — ${form.dataset.tryMethod} ${address}`, `${fields.join("\n")}\n\n${text}`);
  } catch (error) {
    show(form, String(error), "");
  }
};

for (const form of document.querySelectorAll("form[data-try-method]")) {
  form.closest("details").hidden = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(form);
  });
}
