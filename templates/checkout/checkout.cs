<?cs # The checkout form.  Page.cart (cart_put), Page.form.<field> (values
      kept), Page.field_err.<field> (errors next to fields), Page.methods.N.id,
      Page.dial.<country>, Page.coupon.{code,discount,total}, Page.notice
      (changed, problems, busy (a 503), stock, withdrawn with Page.notice_line and
      Page.notice_n; max and units with Page.notice_n, the cap),
      Page.rate_limited = "order" with Page.retry_minutes (a 429), Page.idem and Page.rev (the cart revision this form
      places an order for), Page.details.N (what the lines ask: key, line,
      label, type, required, max, value) and Page.detail_label.<key>,
      Page.ship.N and Page.ship_state (the delivery methods: checkout.c
      put_delivery) and Page.totals. ?>
<?cs include:"partials/order.cs" ?>
<?cs def:title() ?><?cs var:Lang.checkout.title ?><?cs /def ?>
<?cs def:field(f, label, type, auto, extra) ?>
<div class="field<?cs if:?Page.field_err[f] ?> has-error<?cs /if ?>">
  <label for="f-<?cs var:f ?>"><?cs var:label ?></label>
  <input id="f-<?cs var:f ?>" name="<?cs var:f ?>" type="<?cs var:type ?>" value="<?cs var:Page.form[f] ?>" autocomplete="<?cs var:auto ?>"<?cs if:extra == "required" ?> required<?cs /if ?><?cs call:invalid(f) ?>>
  <?cs call:ferr(f) ?>
</div>
<?cs /def ?>
<?cs def:main() ?>
<header class="page-head">
  <h1><?cs var:Lang.checkout.title ?></h1>
</header>
<?cs if:Page.rate_limited == "order" ?>
<div class="notice error" role="alert" id="order-limit">
  <p><?cs var:Lang.checkout.rate_limited ?> <?cs var:Page.retry_minutes ?> <?cs var:Lang.checkout.rate_minutes ?></p>
</div>
<?cs /if ?>
<?cs if:?Page.notice ?>
<div class="notice error" role="alert">
  <?cs if:Page.notice == "stock" ?><?cs if:Page.notice_n == 0 ?><p><strong><?cs var:Page.notice_line ?></strong> <?cs var:Lang.checkout.notice.sold_out ?></p><?cs else ?><p><?cs var:Lang.checkout.notice.left_a ?> <?cs var:Page.notice_n ?> <?cs var:Lang.checkout.notice.left_b ?> <strong><?cs var:Page.notice_line ?></strong>. <?cs var:Lang.checkout.notice.left_c ?></p><?cs /if ?>
  <?cs elif:Page.notice == "withdrawn" ?><p><strong><?cs var:Page.notice_line ?></strong> <?cs var:Lang.checkout.notice.withdrawn ?></p>
  <?cs elif:Page.notice == "max" ?><p><?cs var:Lang.checkout.notice.max_a ?> <?cs var:Page.notice_n ?> <?cs var:Lang.checkout.notice.max_b ?> <strong><?cs var:Page.notice_line ?></strong>. <?cs var:Lang.checkout.notice.left_c ?></p>
  <?cs elif:Page.notice == "units" ?><p><?cs var:Lang.checkout.notice.units_a ?> <?cs var:Page.notice_n ?> <?cs var:Lang.checkout.notice.units_b ?></p>
  <?cs else ?><p><?cs var:Lang.checkout.notice[Page.notice] ?></p><?cs /if ?>
  <p><a href="/cart"><?cs var:Lang.checkout.edit_cart ?></a></p>
</div>
<?cs /if ?>
<?cs if:subcount(Page.errors) > 0 ?>
<div class="errors" role="alert" id="checkout-errors">
  <p><?cs var:Lang.errors_heading ?></p>
  <ul><?cs each:e = Page.errors ?><li data-fe-for="f-<?cs var:e.field ?>"><a href="#f-<?cs var:e.field ?>"><?cs if:?Page.detail_label[e.field] ?><?cs var:Page.detail_label[e.field] ?><?cs var:Lang.ship.colon ?> <?cs /if ?><?cs call:fe_text("checkout", e.field, e.err) ?></a></li><?cs /each ?></ul>
</div>
<?cs /if ?>
<div class="checkout">
<section class="checkout-summary" aria-labelledby="h-summary">
  <h2 id="h-summary"><?cs var:Lang.checkout.your_order ?></h2>
  <ul class="summary-lines">
  <?cs each:l = Page.cart.lines ?>
    <li><span class="what"><?cs var:l.name ?><?cs if:l.kind == "subscription" ?> · <?cs call:plan(l) ?><?cs /if ?><?cs if:l.qty > 1 ?> × <?cs var:l.qty ?><?cs /if ?>
      <?cs if:?l.problem ?><span class="stock out"><?cs var:Lang.cart.problem[l.problem] ?><?cs if:l.problem == "left" ?> <?cs var:Lang.cart.problem.left_a ?> <?cs var:l.max ?> <?cs var:Lang.cart.problem.left_b ?><?cs /if ?></span><?cs /if ?></span>
      <span class="price"><?cs var:l.total ?></span></li>
  <?cs /each ?>
  </ul>
  <p class="sum"><span><?cs var:Lang.checkout.subtotal ?></span> <span><?cs var:Page.cart.subtotal ?></span></p>
  <?cs if:?Page.coupon.code ?>
  <p class="sum discount"><span><?cs var:Lang.checkout.discount ?> (<?cs var:Page.coupon.code ?>)</span> <span>− <?cs var:Page.coupon.discount ?></span></p>
  <?cs /if ?>
  <?cs if:Page.cart.physical == 1 ?>
  <p class="sum delivery" id="sum-delivery"<?cs if:Page.ship_state != "ok" ?> hidden<?cs /if ?>><span><?cs var:Lang.ship.delivery ?></span> <span data-delivery><?cs if:Page.totals.delivery_free == 1 ?><?cs var:Lang.ship.free ?><?cs else ?><?cs var:Page.totals.delivery ?><?cs /if ?></span></p>
  <?cs /if ?>
  <p class="sum total"><span><?cs var:Lang.checkout.total ?></span> <strong id="sum-total"><?cs var:Page.totals.total ?></strong></p>
  <p><a href="/cart"><?cs var:Lang.checkout.edit_cart ?></a></p>
</section>

<form class="checkout-form" action="/checkout" method="post" novalidate>
  <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
  <input type="hidden" name="idem" value="<?cs var:Page.idem ?>">
  <input type="hidden" name="rev" value="<?cs var:Page.rev ?>">
  <input type="hidden" name="seen" value="<?cs var:Page.seen ?>">
  <?cs # The form's first submit button is its default: Enter in any field
        places the order (the coupon's Apply comes later; souk.js makes
        Enter in the coupon field apply it).  Hidden from view and from
        assistive technology: the visible Place order button is below. ?>
  <button type="submit" name="op" value="place" class="default-submit" tabindex="-1" aria-hidden="true"<?cs if:subcount(Page.methods) == 0 ?> disabled<?cs /if ?>><?cs var:Lang.checkout.place ?></button>
  <fieldset>
    <legend><?cs var:Lang.checkout.contact ?></legend>
    <?cs call:field("name", Lang.checkout.label.name, "text", "name", "required") ?>
    <?cs call:field("email", Lang.checkout.label.email, "email", "email", "required") ?>
    <div class="field<?cs if:?Page.field_err.country ?> has-error<?cs /if ?>">
      <label for="f-country"><?cs var:Lang.checkout.label.country ?></label>
      <select id="f-country" name="country" autocomplete="country"<?cs call:invalid("country") ?>>
      <?cs # The options: a fragment (tmpl.h) per language and chosen ?>
      <?cs # country, rendered with escaping on and printed as it is. ?>
      <?cs uvar:fragment("partials/country_options", Page.form.country) ?><?cs # souk:raw-ok (see above) ?>
      </select>
      <?cs call:ferr("country") ?>
    </div>
    <div class="field<?cs if:?Page.field_err.phone ?> has-error<?cs /if ?>">
      <label for="f-phone"><?cs var:Lang.checkout.label.phone ?></label>
      <input id="f-phone" name="phone" type="tel" value="<?cs var:Page.form.phone ?>" autocomplete="tel" inputmode="tel" required<?cs call:invalid("phone") ?>>
      <p class="help"><?cs var:Lang.checkout.phone_help ?></p>
      <?cs call:ferr("phone") ?>
    </div>
  </fieldset>
  <?cs if:Page.cart.physical == 1 ?>
  <fieldset>
    <legend><?cs var:Lang.checkout.shipping ?></legend>
    <div class="field<?cs if:?Page.field_err.address ?> has-error<?cs /if ?>">
      <label for="f-address"><?cs var:Lang.checkout.label.address ?></label>
      <textarea id="f-address" name="address" rows="2" autocomplete="street-address" required<?cs call:invalid("address") ?>><?cs var:Page.form.address ?></textarea>
      <?cs call:ferr("address") ?>
    </div>
    <div class="row">
      <?cs call:field("city", Lang.checkout.label.city, "text", "address-level2", "required") ?>
      <?cs call:field("postal", Lang.checkout.label.postal, "text", "postal-code", "") ?>
    </div>
  </fieldset>
  <fieldset class="ship-methods<?cs if:?Page.field_err.ship ?> has-error<?cs /if ?>" id="ship-methods">
    <legend><?cs var:Lang.ship.legend ?></legend>
    <?cs # souk.js replaces what #ship-options holds when the country or
          city changes (GET /checkout/ship); without JS the Update button
          below shows the form again with the new address's methods. ?>
    <div id="ship-options" data-ship-url="/checkout/ship" data-coupon="<?cs var:Page.coupon.code ?>" aria-live="polite">
    <?cs if:Page.ship_state == "ok" ?>
    <p class="help"><?cs var:Lang.ship.for_country ?> <?cs var:Lang.country[Page.form.country] ?><?cs if:Page.form.city ?> (<?cs var:Page.form.city ?>)<?cs /if ?>.</p>
    <?cs each:m = Page.ship ?>
    <label class="method ship-method">
      <input type="radio" name="ship"<?cs if:first(m) ?> id="f-ship"<?cs /if ?> value="<?cs var:m.value ?>"<?cs if:m.checked ?> checked<?cs /if ?> required<?cs call:invalid("ship") ?>>
      <span class="method-name"><?cs var:m.name ?> — <?cs if:m.free == 1 ?><?cs var:Lang.ship.free ?><?cs else ?><?cs var:m.price ?><?cs /if ?></span>
      <small><?cs call:ship_days(m.min, m.max) ?></small>
    </label>
    <?cs /each ?>
    <?cs else ?>
    <p class="notice error" id="f-ship"><?cs var:Lang.ship.none_a ?> (<?cs var:Lang.country[Page.form.country] ?>). <?cs var:Lang.ship.none_b ?></p>
    <?cs /if ?>
    </div>
    <p class="help" id="ship-update-help" data-live-help="<?cs var:Lang.ship.live_help ?>"><?cs var:Lang.ship.country_help ?></p>
    <button type="submit" name="op" value="ship" class="small" id="ship-update"><?cs var:Lang.ship.update ?></button>
    <?cs call:ferr("ship") ?>
  </fieldset>
  <?cs /if ?>
  <?cs if:subcount(Page.details) > 0 ?>
  <fieldset class="details">
    <legend><?cs var:Lang.checkout.details.legend ?></legend>
    <p class="help"><?cs var:Lang.checkout.details.intro ?></p>
    <?cs each:d = Page.details ?>
    <div class="field<?cs if:?Page.field_err[d.key] ?> has-error<?cs /if ?>">
      <label for="f-<?cs var:d.key ?>"><?cs var:d.label ?> <span class="for">(<?cs var:d.line ?>)</span><?cs if:d.required == 0 ?> <span class="optional">(<?cs var:Lang.checkout.details.optional ?>)</span><?cs /if ?></label>
      <input id="f-<?cs var:d.key ?>" name="<?cs var:d.key ?>" type="text" value="<?cs var:d.value ?>" maxlength="<?cs var:d.max ?>" autocomplete="off" spellcheck="false"<?cs if:d.type == "mac" ?> autocapitalize="characters" data-detail="mac"<?cs /if ?><?cs if:d.required == 1 ?> required<?cs /if ?><?cs call:invalid(d.key) ?>>
      <?cs if:d.type == "mac" ?><p class="help"><?cs var:Lang.checkout.details.mac_help ?></p><?cs /if ?>
      <?cs call:ferr(d.key) ?>
    </div>
    <?cs /each ?>
  </fieldset>
  <?cs /if ?>
  <fieldset>
    <legend><?cs var:Lang.checkout.label.coupon ?></legend>
    <div class="field coupon<?cs if:?Page.field_err.coupon ?> has-error<?cs /if ?>">
      <label for="f-coupon" class="sr-only"><?cs var:Lang.checkout.label.coupon ?></label>
      <input id="f-coupon" name="coupon" type="text" value="<?cs var:Page.form.coupon ?>" autocomplete="off" maxlength="40"<?cs call:invalid("coupon") ?>>
      <button type="submit" name="op" value="apply" class="small" id="coupon-apply"><?cs var:Lang.checkout.apply ?></button>
      <?cs call:ferr("coupon") ?>
      <?cs if:?Page.coupon.code ?><p class="ok"><?cs var:Lang.checkout.coupon_applied ?> − <?cs var:Page.coupon.discount ?></p><?cs /if ?>
    </div>
  </fieldset>
  <fieldset class="methods<?cs if:?Page.field_err.payment ?> has-error<?cs /if ?>">
    <legend><?cs var:Lang.checkout.label.payment ?></legend>
    <?cs each:m = Page.methods ?>
    <label class="method">
      <input type="radio" name="payment"<?cs if:first(m) ?> id="f-payment"<?cs /if ?> value="<?cs var:m.id ?>"<?cs if:Page.form.payment == m.id ?> checked<?cs /if ?> required>
      <span class="method-name"><?cs var:Lang.pay[m.id].name ?></span>
      <small><?cs var:Lang.pay[m.id].desc ?><?cs if:m.id == "mobile" ?> <span class="wallet-list"><?cs var:Lang.pay.mobile.wallets ?> <?cs each:w = Page.wallets ?><?cs var:w.op ?><?cs if:!last(w) ?>, <?cs /if ?><?cs /each ?>.</span><?cs /if ?><?cs if:?m.hold_hours ?> <span class="pay-by"><?cs var:Lang.pay.hold_a ?> <?cs var:m.hold_hours ?> <?cs var:Lang.pay.hold_b ?></span><?cs /if ?></small>
    </label>
    <?cs /each ?>
    <?cs if:subcount(Page.methods) == 0 ?><p class="notice error"><?cs var:Lang.checkout.no_methods ?></p><?cs /if ?>
    <?cs call:ferr("payment") ?>
  </fieldset>
  <div class="field terms<?cs if:?Page.field_err.terms ?> has-error<?cs /if ?>">
    <label><input type="checkbox" id="f-terms" name="terms" value="1"<?cs if:Page.form.terms ?> checked<?cs /if ?> required<?cs call:invalid("terms") ?>> <?cs var:Lang.checkout.terms ?></label>
    <a class="terms-link" href="/page/terms" target="_blank" rel="noopener" id="terms-link"><?cs var:Lang.content.terms_link ?></a>
    <?cs call:ferr("terms") ?>
  </div>
  <button type="submit" name="op" value="place" class="button primary place"<?cs if:subcount(Page.methods) == 0 ?> disabled<?cs /if ?>><?cs var:Lang.checkout.place ?></button>
</form>
</div>
<?cs /def ?>
