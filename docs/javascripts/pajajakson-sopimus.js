// The per-student agreement for a workshop period ([data-sopimus]): a form filled in the reader's browser
// and a print-ready document made from it. The parties, contact persons, reports and price tiers come from
// the page itself (JSON in a script element the build writes; names of qualifications and units once, in
// "tutkinnot" and "osat", referred to by code). Nothing is sent anywhere or stored by the site: a
// draft is saved to and opened from a file on the reader's own device. Text from the data and from the
// reader is only ever set as textContent, never as HTML.
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function option(value, label, selected) {
    var node = el("option", { value: value, text: label });
    if (selected) node.selected = true;
    return node;
  }

  function fill(select, placeholder, items) {
    select.textContent = "";
    select.appendChild(option("", placeholder));
    items.forEach(function (item) { select.appendChild(option(item.value, item.label, item.selected)); });
  }

  function euros(value) {
    return value.toLocaleString("fi-FI", { maximumFractionDigits: 2 }) + "\u00a0€";
  }

  function finnishDate(iso) {
    var parts = (iso || "").split("-");
    return parts.length === 3 ? Number(parts[2]) + "." + Number(parts[1]) + "." + parts[0] : "";
  }

  function isoDay(date) {
    return date.getFullYear() + "-" + String(date.getMonth() + 1).padStart(2, "0") + "-" +
      String(date.getDate()).padStart(2, "0");
  }

  // The weekdays on which no one works in Finland: the public holidays (vuosilomalaki and the church's
  // calendar: New Year's Day, Epiphany, Good Friday, Easter Monday, May Day, Ascension Day, Independence
  // Day, Christmas Day, St Stephen's Day) and the two eves that are days off in practice (Midsummer Eve,
  // Christmas Eve). Easter by the anonymous Gregorian algorithm.
  function holidays(year) {
    var a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
    var f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
    var i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
    var month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
    function easterPlus(n) { return isoDay(new Date(year, month - 1, day + n, 12)); }
    var midsummerEve = new Date(year, 5, 19, 12);
    midsummerEve.setDate(19 + ((5 - midsummerEve.getDay() + 7) % 7));
    var names = {};
    names[year + "-01-01"] = "uudenvuodenpäivä";
    names[year + "-01-06"] = "loppiainen";
    names[easterPlus(-2)] = "pitkäperjantai";
    names[easterPlus(1)] = "2. pääsiäispäivä";
    names[year + "-05-01"] = "vappu";
    names[easterPlus(39)] = "helatorstai";
    names[isoDay(midsummerEve)] = "juhannusaatto";
    names[year + "-12-06"] = "itsenäisyyspäivä";
    names[year + "-12-24"] = "jouluaatto";
    names[year + "-12-25"] = "joulupäivä";
    names[year + "-12-26"] = "tapaninpäivä";
    return names;
  }

  // Workshop days: in each calendar week of the period, its working weekdays (Monday to Friday, not a
  // holiday) within the period, at most the agreed days a week. Returns {days, holidays: [names]}.
  function workshopDays(startIso, endIso, perWeek) {
    var none = { days: 0, holidays: [] };
    if (!startIso || !endIso) return none;
    var day = new Date(startIso + "T12:00:00");
    var end = new Date(endIso + "T12:00:00");
    if (isNaN(day) || isNaN(end) || end < day) return none;
    var total = 0, week = -1, inWeek = 0, off = [], calendars = {};
    while (day <= end) {
      var monday = new Date(day);
      monday.setDate(day.getDate() - ((day.getDay() + 6) % 7));
      var key = monday.toDateString();
      if (key !== week) { total += Math.min(inWeek, perWeek); week = key; inWeek = 0; }
      if (day.getDay() >= 1 && day.getDay() <= 5) {
        var year = day.getFullYear();
        calendars[year] = calendars[year] || holidays(year);
        var holiday = calendars[year][isoDay(day)];
        if (holiday) off.push(holiday + " " + finnishDate(isoDay(day))); else inWeek += 1;
      }
      day.setDate(day.getDate() + 1);
    }
    return { days: total + Math.min(inWeek, perWeek), holidays: off };
  }

  function daysText(counted) {
    if (!counted.days) return "";
    var text = "Pajapäiviä yhteensä: " + counted.days;
    if (counted.holidays.length) text += " (arkipyhiä ei lasketa: " + counted.holidays.join(", ") + ")";
    return text;
  }

  function setUp(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var data = JSON.parse(root.querySelector("[data-sopimus-tiedot]").textContent);
    var form = root.querySelector("[data-sopimus-form]");
    var doc = root.querySelector("[data-sopimus-asiakirja]");
    var errors = root.querySelector("[data-sopimus-errors]");
    var f = form.elements;
    var byId = function (list, id) { return list.filter(function (x) { return x.tunnus === id; })[0]; };

    root.querySelector("[data-sopimus-nojs]").hidden = true;
    form.hidden = false;

    fill(f.koulutuksen_jarjestaja, "Valitse", data.koulutuksen_jarjestajat.map(function (p) {
      return { value: p.tunnus, label: p.nimi };
    }));
    fill(f.tyopaja, "Valitse", data.tyopajat.map(function (p) { return { value: p.tunnus, label: p.nimi }; }));
    data.hintatasot.forEach(function (t) { f.hintataso.appendChild(option(t.tunnus, t.nimi + " (" + t.teksti + ")")); });

    // A contact person: [name, title, email, phone, primary].
    function person(h) { return { nimi: h[0], tehtava: h[1], sahkoposti: h[2], puhelin: h[3], ensisijainen: h[4] }; }

    function people(select, party, placeholder) {
      fill(select, party ? "Valitse" : placeholder, (party ? party.henkilot : []).map(function (h, i) {
        h = person(h);
        return { value: String(i), label: h.nimi + ", " + h.tehtava, selected: h.ensisijainen };
      }));
    }

    function provider() { return byId(data.koulutuksen_jarjestajat, f.koulutuksen_jarjestaja.value); }
    function workshop() { return byId(data.tyopajat, f.tyopaja.value); }
    function tier() { return byId(data.hintatasot, f.hintataso.value); }

    // The qualifications of the workshop's reports, each once, with every report's units for it. A report is
    // [id, learning environment, [[qualification code, [[unit code, "k" whole / "o" partly, parts]]]]].
    function qualifications() {
      var found = {};
      (workshop() ? workshop().raportit : []).forEach(function (r) {
        var report = { tunnus: r[0], oppimisymparisto: r[1] };
        r[2].forEach(function (q) {
          found[q[0]] = found[q[0]] || { koodi: q[0], nimi: data.tutkinnot[q[0]], osat: [] };
          q[1].forEach(function (u) {
            found[q[0]].osat.push({ raportti: report, osa: {
              koodi: u[0], nimi: data.osat[u[0]], kattavuus: u[1] === "k" ? "kokonainen" : "osittainen", tarkennus: u[2],
            } });
          });
        });
      });
      return Object.keys(found).map(function (k) { return found[k]; });
    }

    function chosenQualification() {
      return qualifications().filter(function (q) { return q.koodi === f.tutkinto.value; })[0];
    }

    function showUnits(checked) {
      var box = root.querySelector("[data-sopimus-osat]");
      box.textContent = "";
      var q = chosenQualification();
      if (!q) { box.appendChild(el("p", { class: "field__hint", text: "Valitse ensin tutkinto." })); return; }
      q.osat.forEach(function (entry, i) {
        var id = "sop-osa-" + i;
        var value = entry.raportti.tunnus + ":" + entry.osa.koodi;
        var how = entry.osa.kattavuus === "kokonainen" ? "kokonaan" : "osittain: " + entry.osa.tarkennus;
        var input = el("input", { type: "checkbox", id: id, name: "osat", value: value });
        if (checked && checked.indexOf(value) !== -1) input.checked = true;
        box.appendChild(el("div", { class: "field field--check" }, [
          input,
          el("label", { for: id, text: entry.osa.nimi + " (" + entry.osa.koodi + "), " + how + " · " +
            entry.raportti.oppimisymparisto }),
        ]));
      });
    }

    function update() {
      var counted = workshopDays(f.alkaa.value, f.paattyy.value, Number(f.paivia_viikossa.value));
      var days = counted.days;
      root.querySelector("[data-sopimus-paivat]").textContent = daysText(counted);
      var t = tier();
      f.paivahinta.disabled = !t;
      var hint = root.querySelector("[data-sopimus-hintaohje]");
      hint.textContent = t ? "Tason hinta: " + t.teksti + ". Kirjoita sovittu hinta." : "Valitse ensin hintataso.";
      if (t && !f.paivahinta.value) f.paivahinta.value = t.vahintaan;
      if (!t) f.paivahinta.value = "";
      var price = Number(f.paivahinta.value);
      root.querySelector("[data-sopimus-hinta]").textContent =
        t && days && price ? "Yhteensä " + days + " päivää × " + euros(price) + " = " + euros(days * price) : "";
    }

    f.koulutuksen_jarjestaja.addEventListener("change", function () {
      people(f.jarjestajan_henkilo, provider(), "Valitse ensin koulutuksen järjestäjä");
    });
    f.tyopaja.addEventListener("change", function () {
      people(f.pajan_henkilo, workshop(), "Valitse ensin työpaja");
      var found = qualifications();
      var empty = workshop() && !found.length;
      fill(f.tutkinto, !workshop() ? "Valitse ensin työpaja" : empty ? "Ei tunnistamisraporttia" : "Valitse",
        found.map(function (q) { return { value: q.koodi, label: q.nimi }; }));
      root.querySelector("[data-sopimus-tutkintoohje]").textContent = empty
        ? "Tällä työpajalla ei ole vielä tunnistamisraporttia, joten tutkinnon osia ei voi valita täältä. " +
          "Sopikaa osista pajan vastuuhenkilön kanssa tai valitse toinen työpaja."
        : "";
      showUnits();
    });
    // A new tier starts from its own lowest price when the price written is not within it.
    f.hintataso.addEventListener("change", function () {
      var t = tier(), price = Number(f.paivahinta.value);
      if (t && f.paivahinta.value && (price < t.vahintaan || (t.enintaan !== null && price > t.enintaan))) {
        f.paivahinta.value = t.vahintaan;
      }
    });
    f.tutkinto.addEventListener("change", function () { showUnits(); });
    ["alkaa", "paattyy", "paivia_viikossa", "hintataso", "paivahinta"].forEach(function (name) {
      f[name].addEventListener("input", update);
      f[name].addEventListener("change", update);
    });

    function checkedUnits() {
      return Array.prototype.slice.call(form.querySelectorAll("input[name=osat]:checked")).map(function (i) {
        return i.value;
      });
    }

    function problems() {
      var found = [];
      function need(field, message) { if (!field.value) found.push([field, message]); }
      need(f.koulutuksen_jarjestaja, "Valitse koulutuksen järjestäjä.");
      need(f.tyopaja, "Valitse työpaja.");
      need(f.jarjestajan_henkilo, "Valitse koulutuksen järjestäjän vastuuhenkilö.");
      need(f.pajan_henkilo, "Valitse työpajan vastuuhenkilö.");
      if (!f.opiskelija.value.trim()) found.push([f.opiskelija, "Kirjoita opiskelijan nimi."]);
      else if (/\d{6}[-+A-FU-Y]\d{3}/i.test(f.opiskelija.value)) {
        found.push([f.opiskelija, "Poista henkilötunnus: sitä ei kirjoiteta tähän sopimukseen."]);
      }
      need(f.tutkinto, "Valitse tutkinto.");
      if (f.tutkinto.value && !checkedUnits().length) {
        var first = form.querySelector("input[name=osat]");
        found.push([first || f.tutkinto, "Valitse vähintään yksi tutkinnon osa."]);
      }
      need(f.alkaa, "Anna pajajakson alkamispäivä.");
      need(f.paattyy, "Anna pajajakson päättymispäivä.");
      if (f.alkaa.value && f.paattyy.value && f.paattyy.value < f.alkaa.value) {
        found.push([f.paattyy, "Päättymispäivän pitää olla alkamispäivän jälkeen."]);
      }
      var t = tier();
      if (t) {
        var price = Number(f.paivahinta.value);
        if (!f.paivahinta.value || price < t.vahintaan || (t.enintaan !== null && price > t.enintaan)) {
          found.push([f.paivahinta, "Päivähinnan pitää olla hintatason mukainen (" + t.teksti + ")."]);
        }
      }
      if (!f.toimeentulo.checked) found.push([f.toimeentulo, "Varmista opiskelijan toimeentulo ennen jakson alkua."]);
      return found;
    }

    function showProblems(found) {
      Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (i) {
        i.removeAttribute("aria-invalid");
      });
      errors.textContent = "";
      if (!found.length) { errors.hidden = true; return; }
      var list = el("ul");
      found.forEach(function (item) {
        item[0].setAttribute("aria-invalid", "true");
        var link = el("a", { href: "#" + item[0].id, text: item[1] });
        link.addEventListener("click", function (event) { event.preventDefault(); item[0].focus(); });
        list.appendChild(el("li", {}, [link]));
      });
      errors.appendChild(el("p", { text: "Korjaa nämä ennen kuin sopimus näytetään:" }));
      errors.appendChild(list);
      errors.hidden = false;
      errors.focus();
    }

    function section(title, children) {
      return el("section", { class: "agreement-doc__section" }, [el("h3", { text: title })].concat(children));
    }

    function listOf(items) {
      return el("ul", {}, items.map(function (text) { return el("li", { text: text }); }));
    }

    function render() {
      var p = provider(), w = workshop(), q = chosenQualification(), t = tier();
      var ph = person(p.henkilot[Number(f.jarjestajan_henkilo.value)]);
      var wh = person(w.henkilot[Number(f.pajan_henkilo.value)]);
      var days = workshopDays(f.alkaa.value, f.paattyy.value, Number(f.paivia_viikossa.value)).days;
      var units = checkedUnits().map(function (value) {
        var entry = q.osat.filter(function (e) { return e.raportti.tunnus + ":" + e.osa.koodi === value; })[0];
        var how = entry.osa.kattavuus === "kokonainen" ? "kokonaan" : "osittain (" + entry.osa.tarkennus + ")";
        return entry.osa.nimi + " (" + entry.osa.koodi + "), " + how;
      });
      var price = t ? Number(f.paivahinta.value) : 0;
      var duties = data.velvoitteet;
      doc.textContent = "";
      doc.appendChild(el("h2", { id: "sopimus-otsikko", text: "Pajajakson sopimus" }));
      doc.appendChild(el("p", { class: "agreement-doc__lead", text:
        "Valmentautujakohtainen sopimus työpajan ja ammatillisen koulutuksen järjestäjän yhteistyön " +
        "linjausten mukaisesti. Vastuuhenkilöt allekirjoittavat sopimuksen ennen pajajakson alkua." }));
      doc.appendChild(section("Osapuolet", [el("dl", {}, [
        el("dt", { text: "Koulutuksen järjestäjä" }), el("dd", { text: p.nimi + " (Y-tunnus " + p.y_tunnus + ")" }),
        el("dt", { text: "Vastuuhenkilö" }), el("dd", { text: ph.nimi + ", " + ph.tehtava + " · " + ph.sahkoposti + " · " + ph.puhelin }),
        el("dt", { text: "Työpaja" }), el("dd", { text: w.nimi + " (Y-tunnus " + w.y_tunnus + ")" }),
        el("dt", { text: "Vastuuhenkilö" }), el("dd", { text: wh.nimi + ", " + wh.tehtava + " · " + wh.sahkoposti + " · " + wh.puhelin }),
        el("dt", { text: "Opiskelija" }), el("dd", { text: f.opiskelija.value.trim() }),
      ])]));
      doc.appendChild(section("Pajajakso", [el("p", { text:
        finnishDate(f.alkaa.value) + "–" + finnishDate(f.paattyy.value) + ", " + f.paivia_viikossa.value +
        " päivää viikossa, yhteensä " + days + " pajapäivää." })]));
      doc.appendChild(section("Tutkinto ja tutkinnon osat", [el("p", { text: q.nimi + " (" + q.koodi + ")" }), listOf(units)]));
      if (f.tukitoimet.value.trim()) doc.appendChild(section("Tukitoimet", [el("p", { text: f.tukitoimet.value.trim() })]));
      doc.appendChild(section("Hinta", [el("p", { text: t
        ? t.nimi + ": " + euros(price) + " päivässä, yhteensä " + days + " × " + euros(price) + " = " + euros(days * price) + "."
        : "Opiskelijapäivähinnasta ei ole sovittu." })]));
      doc.appendChild(section("Vastuut", [
        el("p", { text: "Koulutuksen järjestäjä:" }),
        // The template puts insurance on the provider; another arrangement replaces that duty.
        listOf(duties.koulutuksen_jarjestaja.filter(function (duty) {
          return f.vakuutukset.selectedIndex === 0 || duty.indexOf("vakuutuksista") < 0;
        }).concat([
          "Vakuutukset: " + f.vakuutukset.value + ".",
          "Matkat: " + f.matkat.value + ".", "Ruokailu: " + f.ruokailu.value + ".",
        ])),
        el("p", { text: "Työpaja:" }),
        listOf(duties.tyopaja),
        el("p", { text: "Opiskelijan toimeentulo on selvitetty ennen pajajakson alkua." }),
        el("p", { text: "Sopimuksessa on huomioitu, mitä koulutussopimuksesta säädetään laissa ammatillisesta " +
          "koulutuksesta (531/2017) ja valtioneuvoston asetuksessa ammatillisesta koulutuksesta (673/2017)." }),
      ]));
      if (f.lisatiedot.value.trim()) doc.appendChild(section("Muut sovitut asiat", [el("p", { text: f.lisatiedot.value.trim() })]));
      var signers = [["Opiskelija", f.opiskelija.value.trim()]];
      if (f.alaikainen.checked) signers.push(["Huoltaja", ""]);
      signers.push(["Työpaja: " + w.nimi, wh.nimi + ", " + wh.tehtava]);
      signers.push(["Koulutuksen järjestäjä: " + p.nimi, ph.nimi + ", " + ph.tehtava]);
      doc.appendChild(section("Allekirjoitukset", [el("p", { text: "Paikka ja aika: ______________________________" })]
        .concat(signers.map(function (s) {
          return el("div", { class: "signature-block" }, [
            el("p", { class: "signature-block__org", text: s[0] }),
            el("p", { class: "signature-block__line signature-block__line--sign" }, [
              el("span", { class: "signature-block__label", text: "Allekirjoitus" }), el("span", { class: "signature-block__value" }),
            ]),
            el("p", { class: "signature-block__line" }, [
              el("span", { class: "signature-block__label", text: "Nimenselvennys" }),
              el("span", { class: "signature-block__value", text: s[1] }),
            ]),
          ]);
        }))));
      var print = el("button", { type: "button", class: "year-button agreement-doc__print", text: "Tulosta tai tallenna PDF-tiedostoksi" });
      print.addEventListener("click", function () { window.print(); });
      doc.appendChild(el("p", { class: "agreement-doc__actions" }, [print]));
      doc.hidden = false;
      doc.querySelector("h2").setAttribute("tabindex", "-1");
      doc.querySelector("h2").focus();
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var found = problems();
      showProblems(found);
      if (!found.length) render();
    });

    // Drafts: to a file on the reader's device and back; never to the site.
    var FIELDS = ["koulutuksen_jarjestaja", "tyopaja", "jarjestajan_henkilo", "pajan_henkilo", "opiskelija",
      "tutkinto", "alkaa", "paattyy", "paivia_viikossa", "hintataso", "paivahinta", "tukitoimet", "vakuutukset", "matkat",
      "ruokailu", "lisatiedot"];
    root.querySelector("[data-sopimus-tallenna]").addEventListener("click", function () {
      var draft = { muoto: "pajajakson-sopimus-luonnos", versio: 1, osat: checkedUnits(),
        alaikainen: f.alaikainen.checked, toimeentulo: f.toimeentulo.checked };
      FIELDS.forEach(function (name) { draft[name] = f[name].value; });
      var url = URL.createObjectURL(new Blob([JSON.stringify(draft, null, 2)], { type: "application/json" }));
      var link = el("a", { href: url, download: "pajajakson-sopimus-luonnos.json" });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    });
    root.querySelector("[data-sopimus-avaa]").addEventListener("change", function (event) {
      var file = event.target.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var draft;
        try { draft = JSON.parse(reader.result); } catch (e) { draft = null; }
        if (!draft || draft.muoto !== "pajajakson-sopimus-luonnos") {
          showProblems([[event.target, "Tiedosto ei ole tämän sivun tallentama luonnos."]]);
          return;
        }
        function set(name) {
          if (typeof draft[name] === "string") {
            f[name].value = draft[name];
            f[name].dispatchEvent(new Event("change"));
          }
        }
        ["koulutuksen_jarjestaja", "tyopaja"].forEach(set);
        FIELDS.forEach(function (name) { if (name !== "tutkinto") set(name); });
        set("tutkinto");
        showUnits(draft.osat || []);
        f.alaikainen.checked = !!draft.alaikainen;
        f.toimeentulo.checked = !!draft.toimeentulo;
        update();
        showProblems([]);
      };
      reader.readAsText(file);
      event.target.value = "";
    });
    update();
  }

  function setUpAll() { document.querySelectorAll("[data-sopimus]").forEach(setUp); }

  if (typeof document$ !== "undefined") document$.subscribe(setUpAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();
