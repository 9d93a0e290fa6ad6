<?cs # The cart: Page.cart (order_hdf.h cart_put: lines with their max and
      per-order cap, over_units/max_units), Page.notice, Page.notice_text,
      Page.notice_kind.  Forms post to /cart/update, /cart/remove and
      /cart/empty with the visitor's token; souk.js sends them as JSON
      requests and updates the rows in place. ?>
<?cs include:"partials/order.cs" ?>
<?cs include:"partials/card.cs" ?>
<?cs def:title() ?><?cs var:Lang.cart.title ?><?cs /def ?>
<?cs def:main() ?>
<header class="page-head">
  <h1><?cs var:Lang.cart.title ?></h1>
</header>
<?cs if:?Page.added.index ?><?cs with:a = Page.cart.lines[Page.added.index] ?>
<div class="notice ok added-box" role="status">
  <p><strong><?cs var:Lang.cart.added.heading ?></strong>: <?cs var:a.name ?><?cs if:Page.added.plan ?> · <?cs var:Page.added.plan ?><?cs /if ?><?cs if:a.qty > 1 ?> × <?cs var:a.qty ?><?cs /if ?> (<?cs var:a.total ?>)</p>
  <p><?cs var:Lang.cart.added.subtotal ?>: <strong><?cs var:Page.cart.subtotal ?></strong></p>
  <p><a class="button primary" href="/checkout"><?cs var:Lang.cart.added.checkout ?></a></p>
</div>
<p class="notice" role="status" data-cart-notice hidden></p>
<?cs /with ?><?cs else ?>
<p class="notice<?cs if:Page.notice_kind == "error" ?> error<?cs elif:Page.notice_kind == "warn" ?> warn<?cs /if ?>" role="status" data-cart-notice<?cs if:!?Page.notice ?> hidden<?cs /if ?>><?cs var:Page.notice_text ?></p>
<?cs /if ?>
<?cs if:Page.cart.nlines > 0 ?>
<section class="cart" data-cart>
  <ul class="cart-lines">
  <?cs each:l = Page.cart.lines ?>
    <li class="cart-line" data-line="<?cs var:l.id ?>">
      <div class="cart-what">
        <a class="name" href="/p/<?cs var:l.slug ?>"><?cs var:l.name ?></a>
        <?cs if:l.kind == "subscription" ?><span class="plan-name"><?cs call:plan(l) ?></span><?cs /if ?>
        <span class="unit"><?cs var:l.unit ?><?cs if:l.kind != "digital" ?> × <span data-line-qty><?cs var:l.qty ?></span><?cs /if ?></span>
        <?cs if:l.problem == "withdrawn" ?><span class="stock out"><?cs var:Lang.cart.problem.withdrawn ?></span>
        <?cs elif:l.problem == "sold_out" ?><span class="stock out"><?cs var:Lang.cart.problem.sold_out ?></span>
        <?cs elif:l.problem == "left" ?><span class="stock low"><?cs var:Lang.cart.problem.left_a ?> <?cs var:l.max ?> <?cs var:Lang.cart.problem.left_b ?></span>
        <?cs elif:l.problem == "max" ?><span class="stock low"><?cs var:Lang.cart.problem.max_a ?> <?cs var:l.max ?> <?cs var:Lang.cart.problem.max_b ?></span><?cs /if ?>
      </div>
      <div class="cart-qty">
        <?cs if:l.kind == "digital" ?>
        <span class="one"><?cs var:Lang.cart.one_download ?></span>
        <?cs else ?>
        <form class="qty-form" action="/cart/update" method="post">
          <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
          <input type="hidden" name="line" value="<?cs var:l.id ?>">
          <label><span class="sr-only"><?cs var:Lang.quantity ?> — <?cs var:l.name ?></span>
            <input type="number" name="qty" value="<?cs var:l.qty ?>" min="0" max="<?cs var:l.max ?>" inputmode="numeric" required aria-describedby="cap-<?cs var:l.id ?>"></label>
          <small class="cap" id="cap-<?cs var:l.id ?>"><?cs var:Lang.cap_a ?> <?cs var:l.cap ?> <?cs var:Lang.cap_b ?></small>
          <button type="submit" class="small"><?cs var:Lang.cart.update ?></button>
        </form>
        <?cs /if ?>
        <form class="remove-form" action="/cart/remove" method="post">
          <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
          <input type="hidden" name="line" value="<?cs var:l.id ?>">
          <button type="submit" class="link"><?cs var:Lang.cart.remove ?><span class="sr-only"> — <?cs var:l.name ?></span></button>
        </form>
      </div>
      <p class="cart-total" data-line-total><?cs var:l.total ?></p>
    </li>
  <?cs /each ?>
  </ul>
  <?cs if:Page.cart.over_units ?><p class="notice warn" role="alert" data-over-units><?cs var:Lang.cart.over_units_a ?> <?cs var:Page.cart.max_units ?> <?cs var:Lang.cart.over_units_b ?></p><?cs /if ?>
  <div class="cart-summary">
    <p class="subtotal"><span><?cs var:Lang.cart.subtotal ?></span> <strong data-subtotal><?cs var:Page.cart.subtotal ?></strong></p>
    <?cs if:?Page.delivery.country ?><?cs with:d = Page.delivery ?>
    <p class="delivery-estimate" id="delivery-estimate"><?cs if:d.no_zone ?><?cs var:Lang.ship.cart_no_zone ?> (<?cs var:Lang.country[d.country] ?>).<?cs else ?><span><?cs var:Lang.ship.cart_to ?> (<?cs var:Lang.country[d.country] ?>)<?cs var:Lang.ship.colon ?> <?cs if:d.free == 0 ?><?cs var:Lang.ship.from ?> <?cs /if ?><strong data-delivery><?cs var:d.price ?></strong></span> <small>· <?cs call:ship_days(d.min, d.max) ?></small><?cs /if ?></p>
    <?cs /with ?><?cs /if ?>
    <p class="note"><?cs var:Lang.cart.prices_note ?></p>
    <a class="button primary checkout-button" href="/checkout"><?cs var:Lang.cart.checkout ?></a>
    <p class="empty-form"><a href="/cart/empty"><?cs var:Lang.cart.empty_cart ?></a></p>
  </div>
</section>
<?cs else ?>
<div class="empty">
  <p><?cs var:Lang.cart.empty ?></p>
  <p><a class="button primary" href="/"><?cs var:Lang.cart.browse ?></a></p>
</div>
<?cs if:?Page.suggest_html ?>
<section aria-labelledby="h-suggest">
  <h2 id="h-suggest"><?cs var:Lang.suggest_heading ?></h2>
  <?cs call:grid(Page.suggest_html) ?>
</section>
<?cs /if ?>
<?cs /if ?>
<?cs /def ?>
