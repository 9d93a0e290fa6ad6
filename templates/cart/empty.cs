<?cs # Asks before emptying the cart (GET /cart/empty): Page.cart (cart_put)
      lists what goes; the button posts to /cart/empty, the link keeps it. ?>
<?cs include:"partials/order.cs" ?>
<?cs def:title() ?><?cs var:Lang.cart.empty_confirm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="thanks empty-confirm" aria-labelledby="h-empty">
  <h1 id="h-empty"><?cs var:Lang.cart.empty_confirm.title ?></h1>
  <p><?cs var:Lang.cart.empty_confirm.lead ?></p>
  <ul class="summary-lines">
  <?cs each:l = Page.cart.lines ?>
    <li><span class="what"><?cs var:l.name ?><?cs if:l.kind == "subscription" ?> · <?cs call:plan(l) ?><?cs /if ?><?cs if:l.qty > 1 ?> × <?cs var:l.qty ?><?cs /if ?></span>
      <span class="price"><?cs var:l.total ?></span></li>
  <?cs /each ?>
  </ul>
  <form action="/cart/empty" method="post" class="confirm-actions">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <button type="submit" class="button primary"><?cs var:Lang.cart.empty_confirm.yes ?></button>
    <a class="button" href="/cart"><?cs var:Lang.cart.empty_confirm.no ?></a>
  </form>
</section>
<?cs /def ?>
