/*
 * CommerceGuard glossary widget. On a partner's page:
 *
 *   <script src="https://commerceguard.org/widget.js" data-glossary async></script>
 *
 * finds our terms in the page's article text and links each one's first mention to its
 * definition, with a preview (the term's first sentence) on hover or keyboard focus. Terms are
 * found by the same rules as the glossary's own automatic links. Optional attributes:
 *   data-glossary-scope="article .story"  where to look (a CSS selector; default: article,
 *                                          else main, else the body)
 *   data-glossary-max="20"                at most this many terms on a page
 * Elements marked data-glossary-skip are left alone, as are links, buttons, headings, code
 * and form fields.
 *
 * It sets no cookies, stores nothing, reports nothing back, adds no globals, styles only what it
 * adds (the preview lives in a shadow root), and if anything goes wrong it does nothing at all.
 */
(() => {
  "use strict";

  const script = document.currentScript;
  if (!script || !("glossary" in script.dataset)) {
    return;
  }

  const origin = new URL(script.src, location.href).origin;
  const scopeSelector = script.dataset.glossaryScope;
  // The glossary's language to link to: data-glossary-language="es" for a page in Spanish.
  const language = script.dataset.glossaryLanguage || "en";
  const maxTerms = Math.max(1, Math.min(200, Number.parseInt(script.dataset.glossaryMax ?? "20", 10) || 20));
  const skipped = "a, button, label, select, option, textarea, input, script, style, noscript, template, code, pre, kbd, samp, " +
    "h1, h2, h3, h4, h5, h6, svg, math, iframe, [contenteditable], [data-glossary-skip], commerceguard-preview";

  // --- Matching: the glossary's own rules (TermTokens and TermMatcher on the server). ---------

  // Letters that do not decompose into a base letter and a mark, spelled as English writes them.
  const spelled = { "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "TH", "ı": "i" };
  // As .NET counts them: letters, decimal digits and marks make words; its white space separates.
  const wordPart = /[\p{L}\p{Nd}\p{M}\u200C\u200D]/u;
  const hyphen = /[-\u2010\u2011]/u;
  const space = /[\t-\r \u0085\p{Zs}\u2028\u2029]/u;

  const withoutAccents = (text) =>
    [...text].map((c) => spelled[c] ?? c).join("").normalize("NFKD").replace(/\p{Mn}/gu, "").normalize("NFC");

  const wordKey = (word) => {
    let key = withoutAccents(word).toLowerCase().replaceAll("\u2019", "'");
    if (key.endsWith("'s")) {
      key = key.slice(0, -2);
    }
    return key.replace(/'+$/u, "");
  };

  const isInnerApostrophe = (text, i) => (text[i] === "'" || text[i] === "\u2019") && i + 1 < text.length && /\p{L}/u.test(text[i + 1]);

  // Words (letters, digits and marks, with apostrophes inside) and single symbols; spaces and hyphens only separate.
  const tokenize = (text) => {
    const tokens = [];
    let i = 0;
    while (i < text.length) {
      const c = String.fromCodePoint(text.codePointAt(i));
      if (wordPart.test(c)) {
        const start = i;
        while (i < text.length) {
          const next = String.fromCodePoint(text.codePointAt(i));
          if (wordPart.test(next)) {
            i += next.length;
          } else if (isInnerApostrophe(text, i)) {
            i += 1;
          } else {
            break;
          }
        }
        tokens.push({ start, length: i - start, key: wordKey(text.slice(start, i)) });
        continue;
      }
      if (!space.test(c) && !hyphen.test(c)) {
        tokens.push({ start: i, length: c.length, key: c });
      }
      i += c.length;
    }
    return tokens;
  };

  const isLetterOrDigit = (c) => c !== undefined && /[\p{L}\p{Nd}]/u.test(c);
  const isJoiningHyphen = (text, i) => i > 0 && i < text.length - 1 && hyphen.test(text[i]) && isLetterOrDigit(text[i - 1]) && isLetterOrDigit(text[i + 1]);

  const buildTrie = (names) => {
    const root = new Map();
    for (const name of names) {
      let node = { next: root };
      for (const key of name.keys) {
        if (!node.next.has(key)) {
          node.next.set(key, { next: new Map(), term: -1, exact: null });
        }
        node = node.next.get(key);
      }
      // The first to claim a name keeps it.
      if (node.term < 0) {
        node.term = name.term;
        node.exact = name.exact;
      }
    }
    return root;
  };

  const longestAt = (root, text, tokens, start) => {
    let next = root;
    let best = { term: -1, length: 0 };
    for (let i = start; i < tokens.length && next.has(tokens[i].key); i++) {
      const node = next.get(tokens[i].key);
      const written = text.slice(tokens[start].start, tokens[i].start + tokens[i].length);
      if (node.term >= 0 && (node.exact === null || written === node.exact)) {
        best = { term: node.term, length: i - start + 1 };
      }
      next = node.next;
    }
    return best;
  };

  const find = (root, text) => {
    const tokens = tokenize(text);
    const found = [];
    let i = 0;
    while (i < tokens.length) {
      const { term, length } = longestAt(root, text, tokens, i);
      const start = tokens[i].start;
      const last = tokens[i + length - 1];
      const end = term < 0 ? 0 : last.start + last.length;
      if (term < 0 || isJoiningHyphen(text, start - 1) || isJoiningHyphen(text, end)) {
        i++;
        continue;
      }
      found.push({ start, end, term });
      i += length;
    }
    return found;
  };

  // --- The preview: one element, styled inside its own shadow root. --------------------------

  const makePreview = () => {
    const host = document.createElement("commerceguard-preview");
    host.id = `commerceguard-preview-${Math.random().toString(36).slice(2)}`;
    host.setAttribute("role", "tooltip");
    host.hidden = true;
    const shadow = host.attachShadow({ mode: "closed" });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`
      :host { all: initial; position: absolute; z-index: 2147483647; display: block; }
      :host([hidden]) { display: none; }
      .box { box-sizing: border-box; max-width: 20rem; padding: 0.6rem 0.8rem; border: 1px solid #8a94a3; border-radius: 6px;
             background: #ffffff; color: #1a1f27; box-shadow: 0 4px 14px rgb(0 0 0 / 18%);
             font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: start; }
      .title { display: block; font-weight: 700; margin-bottom: 0.2rem; }
      .source { display: block; margin-top: 0.4rem; font-size: 13px; color: #4a5361; }
      @media (prefers-color-scheme: dark) {
        .box { background: #1d232c; color: #eef1f5; border-color: #6b7482; }
        .source { color: #b9c2ce; }
      }`);
    shadow.adoptedStyleSheets = [sheet];
    // The summary is the element's own text, slotted into the styled box, so that the link's
    // aria-describedby finds it; the title and the source line are only seen.
    const box = document.createElement("div");
    box.className = "box";
    const title = document.createElement("span");
    title.className = "title";
    const source = document.createElement("span");
    source.className = "source";
    source.textContent = "CommerceGuard glossary";
    box.append(title, document.createElement("slot"), source);
    shadow.append(box);
    document.body.append(host);
    const summary = { set textContent(text) { host.textContent = text; } };
    return { host, title, summary };
  };

  const attachPreviews = (links, terms) => {
    const preview = makePreview();
    let shown = null;
    let hovered = null;
    let focused = null;
    let onPreview = false;
    let dismissed = false;
    let leaveTimer = 0;

    const place = (link) => {
      const box = link.getBoundingClientRect();
      const width = Math.min(320, document.documentElement.clientWidth - 16);
      const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
      preview.host.style.width = `${width}px`;
      preview.host.style.left = `${window.scrollX + left}px`;
      preview.host.style.top = `${window.scrollY + box.bottom + 6}px`;
    };

    const update = () => {
      const link = dismissed ? null : hovered ?? (onPreview ? shown : null) ?? focused;
      if (link === shown) {
        return;
      }
      shown?.removeAttribute("aria-describedby");
      shown = link;
      preview.host.hidden = !link;
      if (link) {
        const term = terms[Number(link.dataset.glossaryTerm)];
        preview.title.textContent = term.title;
        preview.summary.textContent = term.summary;
        link.setAttribute("aria-describedby", preview.host.id);
        place(link);
      }
    };

    const leaveSoon = () => {
      clearTimeout(leaveTimer);
      leaveTimer = setTimeout(() => {
        hovered = null;
        update();
      }, 250);
    };

    for (const link of links) {
      link.addEventListener("mouseenter", () => { clearTimeout(leaveTimer); hovered = link; dismissed = false; update(); });
      link.addEventListener("mouseleave", leaveSoon);
      link.addEventListener("focus", () => { focused = link; dismissed = false; update(); });
      link.addEventListener("blur", () => { focused = null; update(); });
    }
    preview.host.addEventListener("mouseenter", () => { clearTimeout(leaveTimer); onPreview = true; });
    preview.host.addEventListener("mouseleave", () => { onPreview = false; leaveSoon(); });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && shown) {
        dismissed = true;
        update();
      }
    });
  };

  // --- Linking the page's text. ------------------------------------------------------------

  const scopeOf = () => {
    if (scopeSelector) {
      return [...document.querySelectorAll(scopeSelector)];
    }
    const article = document.querySelector("article") ?? document.querySelector("main") ?? document.body;
    return article ? [article] : [];
  };

  const textNodesIn = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => node.nodeValue.trim() === "" || node.parentElement?.closest(skipped) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    const nodes = [];
    while (walker.nextNode()) {
      nodes.push(walker.currentNode);
    }
    return nodes;
  };

  const mentionLink = (text, term, url) => {
    const link = document.createElement("a");
    link.href = url;
    link.textContent = text;
    link.dataset.glossaryTerm = String(term);
    link.className = "commerceguard-term";
    // Set through the style object, which a page's Content-Security-Policy allows, unlike a <style> element.
    Object.assign(link.style, { color: "inherit", textDecorationLine: "underline", textDecorationStyle: "dotted", textUnderlineOffset: "0.2em", textDecorationThickness: "1px" });
    return link;
  };

  const linkTerms = (data) => {
    // Every link must lead to the glossary's own pages, over http or https; anything else is not ours.
    const site = new URL(data.site);
    const terms = data.terms.filter((term) => {
      const url = new URL(term.url);
      return url.origin === site.origin && (url.protocol === "https:" || url.protocol === "http:");
    });
    if (terms.length !== data.terms.length || terms.length === 0) {
      return;
    }
    const root = buildTrie(data.names);
    const linked = new Set();
    const links = [];
    for (const scope of scopeOf()) {
      for (const node of textNodesIn(scope)) {
        if (linked.size >= maxTerms) {
          break;
        }
        const text = node.nodeValue;
        // Each term's first mention on the page only, and no more terms than the page allows.
        const mentions = [];
        for (const mention of find(root, text)) {
          if (!linked.has(mention.term) && linked.size < maxTerms) {
            linked.add(mention.term);
            mentions.push(mention);
          }
        }
        if (mentions.length === 0) {
          continue;
        }
        const parts = document.createDocumentFragment();
        let at = 0;
        for (const mention of mentions) {
          parts.append(text.slice(at, mention.start));
          const made = mentionLink(text.slice(mention.start, mention.end), mention.term, terms[mention.term].url);
          links.push(made);
          parts.append(made);
          at = mention.end;
        }
        parts.append(text.slice(at));
        node.replaceWith(parts);
      }
    }
    if (links.length > 0) {
      attachPreviews(links, terms);
    }
  };

  const start = async () => {
    try {
      const response = await fetch(`${origin}/api/v1/widget/terms?language=${encodeURIComponent(language)}`, { credentials: "omit", mode: "cors" });
      if (response.ok) {
        linkTerms(await response.json());
      }
    } catch {
      // The widget is an extra: when it cannot work, the page stays exactly as it was.
    }
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
