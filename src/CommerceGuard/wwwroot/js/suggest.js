// Suggestions as you type in the header's search box, as an ARIA 1.2 combobox: arrow keys move
// through the list, Enter opens the chosen term (or searches), Escape closes the list, and the
// number of suggestions is announced. Without JavaScript the box is a plain search form.
const input = document.getElementById("site-search");

if (input) {
  const form = input.form;
  // Suggestions come from the page's own language: the Spanish pages suggest Spanish terms.
  const language = document.documentElement.lang || "en";
  const list = document.createElement("ul");
  list.id = "site-search-list";
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", input.dataset.listLabel ?? "");
  list.hidden = true;
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.append(list, status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  let options = [];
  let active = -1;
  let timer = 0;
  let asked = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  // Suggestions for text no longer in the box are dropped, so the arrow keys cannot bring them back.
  const forget = () => {
    close();
    list.replaceChildren();
    options = [];
  };

  const open = () => {
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };

  const highlight = (index) => {
    options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  const show = (suggestions) => {
    list.replaceChildren();
    options = suggestions.map((suggestion, i) => {
      const option = document.createElement("li");
      option.id = `site-search-option-${i}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = suggestion.url;
      option.textContent = suggestion.title;
      option.addEventListener("mousedown", (event) => {
        // Before the input loses focus, so the click lands.
        event.preventDefault();
        window.location.assign(suggestion.url);
      });
      list.append(option);
      return option;
    });
    active = -1;
    list.hidden = options.length === 0;
    input.setAttribute("aria-expanded", String(options.length > 0));
    status.textContent = (input.dataset.countTemplate ?? "{0}").replace("{0}", String(options.length));
  };

  const ask = async () => {
    const query = input.value.trim();
    const ticket = ++asked;
    if (query.length < 2) {
      forget();
      return;
    }
    try {
      const response = await fetch(`/api/v1/search/suggest?q=${encodeURIComponent(query)}&language=${encodeURIComponent(language)}`, { headers: { Accept: "application/json" } });
      const suggestions = response.ok ? await response.json() : [];
      // An answer to an older question is ignored.
      if (ticket === asked) {
        show(suggestions);
      }
    } catch {
      // Only the newest question's failure matters; an older one's would close a newer list.
      if (ticket === asked) {
        forget();
      }
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 120);
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && options.length > 0) {
      event.preventDefault();
      open();
      highlight((active + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length > 0) {
      event.preventDefault();
      open();
      highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
      event.preventDefault();
      window.location.assign(options[active].dataset.url);
    } else if (event.key === "Escape") {
      if (!list.hidden) {
        event.preventDefault();
        close();
      } else {
        input.value = "";
      }
    }
  });

  input.addEventListener("blur", close);
}
