// Site search on Pagefind, in Material's search dialog (overrides/partials/search.html).
// A page view fetches nothing for search but this script (about 4 KB compressed): pagefind/pagefind.js
// (13 KB) is loaded when the reader opens the search box, and Pagefind's engine (about 90 KB, once) and the
// index parts that the typed words need (usually 15-50 KB) when they type.
// Results are drawn with Material's own classes, so the look and the dark theme follow the theme.
// Material's instant navigation keeps the header (and this dialog) across pages, so this runs once per
// full page load; only the highlight of the words on the arrived page runs on every page (document$).
(function () {
  "use strict";

  var dialog = document.querySelector("[data-haku]");
  var toggle = document.getElementById("__search");
  var script = document.currentScript;
  if (!dialog || !toggle || !script) return;

  // The site's root from this script's own address (javascripts/haku.js), so that the search also works
  // under a project path (https://owner.github.io/repository/) and after instant navigation.
  var root = new URL("../", script.src);
  var HIGHLIGHT = "korosta"; // ?korosta=sana on a result link marks the words on the page
  var PAGE_SIZE = 10;
  var SECTIONS_SHOWN = 2;

  var form = dialog.querySelector("form");
  var input = dialog.querySelector("#haku-kysely");
  var status = dialog.querySelector("#haku-tila");
  var list = dialog.querySelector("#haku-tulokset");
  var moreBox = dialog.querySelector(".haku-lisaa");
  var moreButton = moreBox.querySelector("button");

  var pagefind = null; // a promise of the Pagefind module, made on first use
  var results = [];
  var shown = 0;
  var current = null;
  var serial = 0;

  function say(key, count) {
    var text = dialog.getAttribute("data-haku-" + key) || "";
    return count === undefined ? text : text.replace("#", String(count));
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        return module
          .options({ baseUrl: root.pathname, excerptLength: 24, highlightParam: HIGHLIGHT })
          .then(function () { return module; });
      });
    }
    return pagefind;
  }

  function isOpen() { return toggle.checked; }

  function setOpen(open) {
    if (toggle.checked !== open) toggle.click(); // Material listens to the checkbox's change event
  }

  // Pagefind's text is escaped and carries <mark> around the found words; we take the text only, never
  // its markup, and make the marks ourselves.
  function decode(html) {
    return new DOMParser().parseFromString("<body>" + html, "text/html").body.textContent || "";
  }

  function marked(parent, excerpt) {
    (excerpt || "").split(/(<mark>.*?<\/mark>)/).forEach(function (part) {
      if (!part) return;
      var hit = /^<mark>(.*)<\/mark>$/.exec(part);
      if (hit) {
        var mark = document.createElement("mark");
        mark.textContent = decode(hit[1]);
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(decode(part)));
      }
    });
    return parent;
  }

  function entry(url, level, title, excerpt) {
    var link = document.createElement("a");
    link.href = url;
    link.className = "md-search-result__link";
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    if (level === 1) {
      var icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      article.appendChild(icon);
    }
    var heading = document.createElement(level === 1 ? "h1" : "h2");
    heading.textContent = decode(title);
    article.appendChild(heading);
    if (excerpt) article.appendChild(marked(document.createElement("p"), excerpt));
    link.appendChild(article);
    return link;
  }

  function weight(section) {
    return (section.weighted_locations || []).reduce(function (sum, w) { return sum + w.weight; }, 0);
  }

  function render(data) {
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var title = (data.meta && data.meta.title) || data.url;
    item.appendChild(entry(data.url, 1, title, data.excerpt));
    var page = data.url.split(/[?#]/)[0];
    var sections = (data.sub_results || [])
      .filter(function (s) { return s.url.split(/[?#]/)[0] !== page || s.url.indexOf("#") !== -1; })
      .filter(function (s) { return s.title !== title && s.excerpt !== data.excerpt; })
      .sort(function (a, b) { return weight(b) - weight(a); });
    sections.slice(0, SECTIONS_SHOWN).forEach(function (s) {
      item.appendChild(entry(s.url, 2, s.title, s.excerpt));
    });
    var rest = sections.slice(SECTIONS_SHOWN);
    if (rest.length) {
      var details = document.createElement("details");
      details.className = "md-search-result__more";
      var summary = document.createElement("summary");
      var label = document.createElement("div");
      label.textContent = say("more-sections", rest.length);
      summary.appendChild(label);
      details.appendChild(summary);
      rest.forEach(function (s) { details.appendChild(entry(s.url, 2, s.title, s.excerpt)); });
      item.appendChild(details);
    }
    return item;
  }

  function showResults() {
    list.hidden = !isOpen() || !list.children.length;
    moreBox.hidden = !isOpen() || shown >= results.length;
  }

  function showMore(focusFirst) {
    var mine = serial;
    var next = results.slice(shown, shown + PAGE_SIZE);
    shown += next.length;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (found) {
      if (mine !== serial) return;
      var first = null;
      found.forEach(function (data) {
        var item = render(data);
        first = first || item.querySelector("a");
        list.appendChild(item);
      });
      showResults();
      if (focusFirst && first) first.focus();
    });
  }

  function unavailable() {
    status.textContent = say(location.protocol === "file:" ? "file" : "unavailable");
    results = [];
    list.textContent = "";
    showResults();
  }

  function search() {
    var query = input.value.trim();
    if (query === current) return;
    current = query;
    var mine = ++serial;
    results = [];
    shown = 0;
    if (!query) {
      list.textContent = "";
      status.textContent = say("placeholder");
      showResults();
      return;
    }
    status.textContent = say("loading");
    load()
      .then(function (module) { return module.debouncedSearch(query, {}, 150); })
      .then(function (found) {
        if (!found || mine !== serial) return; // a later keystroke has its own search
        results = found.results;
        if (list.contains(document.activeElement)) input.focus(); // the focused result is about to go
        list.textContent = "";
        status.textContent = results.length === 0 ? say("none")
          : results.length === 1 ? say("one") : say("other", results.length);
        return showMore(false);
      })
      .catch(function (error) {
        if (mine !== serial) return;
        if (window.console) console.warn("Haku:", error);
        unavailable();
      });
  }

  // Every element the arrow keys move through: the box, the results, the "more" controls.
  function stops() {
    var all = [input];
    list.querySelectorAll("a, summary").forEach(function (el) {
      var closed = el.closest("details:not([open])");
      if (!closed || el.tagName === "SUMMARY") all.push(el);
    });
    if (!moreBox.hidden) all.push(moreButton);
    return all;
  }

  input.addEventListener("focus", function () {
    setOpen(true);
    load().catch(function () { /* reported when the reader searches */ });
  });
  input.addEventListener("input", search);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { search(); input.focus(); }, 0);
  });
  moreButton.addEventListener("click", function () { showMore(true); });

  // The header's magnifier (a label for the checkbox) opens the dialog; put the cursor in the box (on
  // phones the keyboard opens only when focus moves within the reader's tap).
  toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus();
    else if (dialog.contains(document.activeElement)) document.activeElement.blur();
    showResults();
  });

  dialog.addEventListener("keydown", function (event) {
    if (!isOpen()) return;
    var key = event.key;
    if (key === "Escape") {
      event.preventDefault();
      setOpen(false);
    } else if (key === "ArrowDown" || key === "ArrowUp") {
      var all = stops();
      var at = Math.max(0, all.indexOf(document.activeElement));
      all[(at + (key === "ArrowDown" ? 1 : all.length - 1)) % all.length].focus();
      event.preventDefault();
    } else if (key === "Enter" && event.target === input) {
      event.preventDefault();
      var best = list.querySelector("a");
      if (best) best.click();
    }
  });

  // Leaving the dialog with Tab closes it, as clicking outside it does.
  dialog.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !dialog.contains(event.relatedTarget)) setOpen(false);
  });

  // A chosen result closes the dialog (also for a link to the page already open).
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) setOpen(false);
  });

  // Material's shortcuts for the search: "/", "s" and "f" outside text fields.
  document.addEventListener("keydown", function (event) {
    if (isOpen() || event.ctrlKey || event.metaKey || event.altKey) return;
    if (["/", "s", "f"].indexOf(event.key) === -1) return;
    var active = document.activeElement;
    if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) return;
    event.preventDefault();
    setOpen(true);
    input.focus();
  });

  // A link to the site with ?q=words opens the search with those words.
  var asked = new URL(location.href).searchParams.get("q");
  if (asked) {
    input.value = asked;
    setOpen(true);
    input.focus();
    search();
  }

  // The arrived page: mark the words of the search (the result link's ?korosta=…). Pagefind's highlighter
  // is loaded only then; with instant navigation this runs for every page.
  function highlight() {
    if (!new URL(location.href).searchParams.has(HIGHLIGHT)) return;
    import(new URL("pagefind/pagefind-highlight.js", root).href)
      .then(function (module) {
        var Highlight = module.default || window.PagefindHighlight;
        if (Highlight) new Highlight({ highlightParam: HIGHLIGHT, addStyles: false }); // Material styles <mark>
      })
      .catch(function () { /* no index: nothing to mark */ });
  }
  if (typeof document$ !== "undefined") document$.subscribe(highlight);
  else highlight();
})();
