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

  // Product pages: add to cart, then say so with a link to the cart.
  document.querySelectorAll("form.buy").forEach(function (form) {
    enhance(form, function (data) {
      var box = form.parentNode, p = say(box, data.message, data.ok);
      var link = document.querySelector(".cart-link");
      if (data.ok && link) {
        var a = document.createElement("a");
        a.href = "/cart";
        a.textContent = "\u2192 " + link.childNodes[0].textContent.trim();
        p.appendChild(document.createTextNode(" "));
        p.appendChild(a);
      }
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
})();
