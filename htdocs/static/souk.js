/* souk.js — small progressive enhancements; every page works without it. */
(function () {
  "use strict";
  // Sorting applies as soon as a choice is made.
  document.querySelectorAll("form.filters select[name=sort]").forEach(function (s) {
    s.addEventListener("change", function () { s.form.submit(); });
  });

  // Cart: the add-to-cart form and the cart page's forms post in the
  // background and ask for JSON (the same URLs answer plain forms with a
  // redirect); the page updates in place.  Anything unexpected falls back
  // to submitting the form the ordinary way.
  function post(form) {
    return fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (r) {
      var type = r.headers.get("Content-Type") || "";
      if (type.indexOf("application/json") !== 0) throw new Error("no JSON");
      return r.json();
    });
  }

  function setCount(n) {
    document.querySelectorAll("[data-cart-count]").forEach(function (el) {
      el.textContent = String(n);
    });
  }

  // A status line under el (created once), saying msg.
  function say(el, msg, ok) {
    var p = el.querySelector("[data-cart-notice]") ||
      (el.matches && el.matches("[data-cart-notice]") ? el : null);
    if (!p) {
      p = document.createElement("p");
      p.setAttribute("role", "status");
      p.setAttribute("data-cart-notice", "");
      el.appendChild(p);
    }
    p.className = "notice" + (ok ? " ok" : " error");
    p.hidden = false;
    p.textContent = msg;
    return p;
  }

  function enhance(form, done) {
    form.addEventListener("submit", function (e) {
      if (form.dataset.busy) { e.preventDefault(); return; }
      e.preventDefault();
      form.dataset.busy = "1";
      post(form).then(function (data) {
        delete form.dataset.busy;
        setCount(data.count);
        done(data);
      }).catch(function () {
        delete form.dataset.busy;
        form.submit();
      });
    });
  }

  // Product pages: the chosen plan's price (and what it saves) in the
  // headline.
  document.querySelectorAll("form.buy fieldset.plans").forEach(function (set) {
    var line = document.querySelector("[data-price-line]");
    if (!line) return;
    var show = function (input) {
      var price = document.createElement("span"), save = input.dataset.save;
      price.className = "price";
      price.textContent = input.dataset.price;
      line.textContent = "";
      line.appendChild(price);
      if (save) {
        var s = document.createElement("small");
        s.className = "saving";
        s.textContent = " " + set.dataset.saveLabel + " " + save;
        line.appendChild(s);
      }
    };
    set.querySelectorAll("input[name=plan]").forEach(function (input) {
      input.addEventListener("change", function () { show(input); });
    });
    var checked = set.querySelector("input[name=plan]:checked");
    if (checked) show(checked);
  });

  // Product pages: add to cart, then a small drawer names the item, its
  // plan and the cart's subtotal, with "View cart" and "Check out".
  var drawer = null;
  function closeDrawer() {
    if (drawer) { drawer.parentNode.removeChild(drawer); drawer = null; }
  }
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") closeDrawer();
  });
  function showDrawer(data) {
    var it = data.item;
    closeDrawer();
    drawer = document.createElement("aside");
    drawer.className = "drawer";
    drawer.setAttribute("role", "status");
    drawer.setAttribute("aria-label", it.heading);
    var h = document.createElement("p");
    h.className = "drawer-head";
    h.textContent = it.heading;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "drawer-close";
    close.setAttribute("aria-label", it.close);
    close.textContent = "\u00d7";
    close.addEventListener("click", closeDrawer);
    h.appendChild(close);
    var what = document.createElement("p");
    what.className = "drawer-item";
    what.textContent = it.name + (it.plan ? " \u00b7 " + it.plan : "") +
      (data.qty > 1 ? " \u00d7 " + data.qty : "") + " (" + it.total + ")";
    var sub = document.createElement("p");
    sub.className = "drawer-sub";
    sub.textContent = data.subtotal_label + ": " + data.subtotal;
    var acts = document.createElement("p");
    acts.className = "drawer-actions";
    [["/cart", it.view, "button"], ["/checkout", it.checkout, "button primary"]]
      .forEach(function (l) {
        var a = document.createElement("a");
        a.href = l[0]; a.textContent = l[1]; a.className = l[2];
        acts.appendChild(a);
      });
    drawer.appendChild(h);
    drawer.appendChild(what);
    drawer.appendChild(sub);
    drawer.appendChild(acts);
    document.body.appendChild(drawer);
    acts.lastChild.focus();
  }
  document.querySelectorAll("form.buy").forEach(function (form) {
    enhance(form, function (data) {
      if (data.ok && data.item) { showDrawer(data); return; }
      say(form.parentNode, data.message, data.ok);
    });
  });

  // The cart page: quantities, removals and emptying update the rows.
  var cart = document.querySelector("[data-cart]");
  if (cart) {
    var notice = document.querySelector("[data-cart-notice]");
    var update = function (data) {
      if (data.count === 0) { window.location.reload(); return; }
      var keep = {};
      data.lines.forEach(function (l) {
        keep[l.id] = true;
        var row = cart.querySelector('[data-line="' + l.id + '"]');
        if (!row) return;
        var total = row.querySelector("[data-line-total]");
        var qty = row.querySelector("input[name=qty]");
        var shown = row.querySelector("[data-line-qty]");
        if (total) total.textContent = l.total;
        if (shown) shown.textContent = String(l.qty);
        if (qty) { qty.value = l.qty; qty.max = l.max; }
      });
      cart.querySelectorAll("[data-line]").forEach(function (row) {
        if (!keep[row.getAttribute("data-line")]) row.parentNode.removeChild(row);
      });
      var sub = cart.querySelector("[data-subtotal]");
      if (sub) sub.textContent = data.subtotal;
      var del = cart.querySelector("[data-delivery]");
      if (del && data.delivery) del.textContent = data.delivery;
      if (notice) say(notice, data.message, data.ok && data.notice !== "left" && data.notice !== "max");
    };
    cart.querySelectorAll("form.qty-form, form.remove-form, form.empty-form").forEach(function (form) {
      enhance(form, update);
    });
    // A new quantity applies by itself after a short pause.
    cart.querySelectorAll("form.qty-form input[name=qty]").forEach(function (input) {
      var timer;
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          if (input.value !== "" && input.checkValidity()) input.form.requestSubmit();
        }, 500);
      });
    });
  }
  // Forms that report errors (checkout, contact; templates/partials/
  // form_err.cs).  Enter in the coupon field applies the coupon (elsewhere
  // it places the order: the form's first button).  A field fixed since
  // the page was shown loses its message, its line in the summary and
  // aria-invalid; the server checks everything again on submit.
  var apply = document.getElementById("coupon-apply");
  var coupon = document.getElementById("f-coupon");
  if (apply && coupon) {
    coupon.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); apply.click(); }
    });
  }
  function valueOf(input) {
    if (input.type === "radio") {
      var on = input.form && input.form.querySelector('input[name="' + input.name + '"]:checked');
      return on ? on.value : "";
    }
    if (input.type === "checkbox") return input.checked ? "1" : "";
    return input.value;
  }
  document.querySelectorAll("p[data-fe-for]").forEach(function (msg) {
    var id = msg.getAttribute("data-fe-for");
    var input = document.getElementById(id);
    if (!input || !input.form) return;
    var form = input.form, shown = valueOf(input);
    var fixed = function () {
      var v = valueOf(input);
      if (v === shown) return false;
      if (input.type === "checkbox" || input.type === "radio") return v !== "";
      if (input.required && v.trim() === "") return false;
      return input.checkValidity();
    };
    var clear = function () {
      if (!msg.parentNode || !fixed()) return;
      msg.parentNode.removeChild(msg);
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
      var box = input.closest(".has-error, .invalid");
      if (box) box.classList.remove("has-error", "invalid");
      document.querySelectorAll('li[data-fe-for="' + id + '"]').forEach(function (li) {
        var list = li.parentNode;
        list.removeChild(li);
        if (!list.querySelector("li")) {
          var summary = list.closest("[role=alert]");
          if (summary) summary.parentNode.removeChild(summary);
        }
      });
    };
    var field = input.type === "radio" ?
      form.querySelectorAll('input[name="' + input.name + '"]') : [input];
    Array.prototype.forEach.call(field, function (el) {
      el.addEventListener("input", clear);
      el.addEventListener("change", clear);
    });
  });

  // Checkout: a new country or city (or delivery method) asks
  // GET /checkout/ship for that address's methods and the totals, and
  // puts them in place.  Without JS the "Update delivery options" button
  // shows the form again the same way; it comes back if a request fails.
  var shipBox = document.getElementById("ship-options");
  var shipCountry = document.getElementById("f-country");
  if (shipBox && shipCountry && window.fetch && window.URLSearchParams) {
    var shipForm = shipBox.closest("form");
    var shipBtn = document.getElementById("ship-update");
    var shipHelp = document.getElementById("ship-update-help");
    var shipCity = document.getElementById("f-city");
    var helpText = shipHelp ? shipHelp.textContent : "";
    var shipSeq = 0;
    var el = function (tag, cls, text) {
      var e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text !== undefined) e.textContent = text;
      return e;
    };
    // The values of the methods shown, to keep the radios (and the
    // keyboard focus on them) when only the choice changed.
    var shown = function () {
      return Array.prototype.map.call(shipBox.querySelectorAll("input[name=ship]"),
        function (i) { return i.value; }).join(" ");
    };
    var shipShow = function (d) {
      var same = d.state === "ok" && shown() !== "" &&
        shown() === d.options.map(function (o) { return o.value; }).join(" ");
      if (same) {
        var help = shipBox.querySelector("p.help");
        if (help) help.textContent = d["for"];
      } else if (d.state === "ok") {
        shipBox.textContent = "";
        shipBox.appendChild(el("p", "help", d["for"]));
        d.options.forEach(function (o, i) {
          var label = el("label", "method ship-method");
          var input = document.createElement("input");
          input.type = "radio";
          input.name = "ship";
          input.value = o.value;
          input.required = true;
          input.checked = o.checked;
          if (i === 0) input.id = "f-ship";
          label.appendChild(input);
          label.appendChild(document.createTextNode(" "));
          label.appendChild(el("span", "method-name", o.name + " \u2014 " + o.price));
          label.appendChild(document.createTextNode(" "));
          label.appendChild(el("small", "", o.days));
          shipBox.appendChild(label);
        });
      } else {
        shipBox.textContent = "";
        var none = el("p", "notice error", d.none);
        none.id = "f-ship";
        shipBox.appendChild(none);
      }
      var sum = document.getElementById("sum-delivery");
      if (sum) {
        sum.hidden = d.state !== "ok";
        var v = sum.querySelector("[data-delivery]");
        if (v) v.textContent = d.delivery;
      }
      var total = document.getElementById("sum-total");
      if (total) total.textContent = d.total;
    };
    var shipFail = function () {
      if (shipBtn) shipBtn.hidden = false;
      if (shipHelp) shipHelp.textContent = helpText;
    };
    var shipRefresh = function () {
      var q = new URLSearchParams(), mine = ++shipSeq;
      var city = shipCity ? shipCity.value.trim() : "";
      var on = shipForm && shipForm.querySelector("input[name=ship]:checked");
      q.set("country", shipCountry.value);
      if (city.length >= 2) q.set("city", city);
      if (shipBox.dataset.coupon) q.set("coupon", shipBox.dataset.coupon);
      if (on) q.set("ship", on.value);
      fetch(shipBox.dataset.shipUrl + "?" + q.toString(), {
        headers: { "Accept": "application/json" },
        credentials: "same-origin"
      }).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      }).then(function (d) {
        if (mine === shipSeq) shipShow(d);
      }).catch(shipFail);
    };
    if (shipBtn) shipBtn.hidden = true;
    if (shipHelp && shipHelp.dataset.liveHelp) shipHelp.textContent = shipHelp.dataset.liveHelp;
    shipCountry.addEventListener("change", shipRefresh);
    if (shipCity) shipCity.addEventListener("change", shipRefresh);
    shipBox.addEventListener("change", function (e) {
      if (e.target && e.target.name === "ship") shipRefresh();
    });
  }

  // Payment instructions: a Copy button beside each number, IBAN and
  // reference (hidden without JS: the text itself can be selected).
  document.querySelectorAll("button.copy[data-copy]").forEach(function (b) {
    var value = document.getElementById(b.getAttribute("data-copy"));
    if (!value || !navigator.clipboard) return;
    var label = b.textContent;
    b.hidden = false;
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(value.textContent.trim()).then(function () {
        b.textContent = b.getAttribute("data-copied");
        setTimeout(function () { b.textContent = label; }, 2000);
      });
    });
  });
})();
