<?cs # The customer's wishlist (cgi-bin/wishlist.c): Page.items.N.{id,
      slug, name, kind, price, in_stock, has_plans}, Page.done. ?>
<?cs def:title() ?><?cs var:Lang.watch.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="wishlist" id="wishlist">
  <h1><?cs var:Lang.watch.title ?></h1>
  <?cs if:Page.done ?><p class="notice ok" role="status" id="wish-done"><?cs var:Lang.watch[Page.done] ?></p><?cs /if ?>
  <?cs if:subcount(Page.items) == 0 ?>
  <p id="wish-empty"><?cs var:Lang.watch.empty ?></p>
  <?cs else ?>
  <ul class="wish-list">
  <?cs each:w = Page.items ?>
    <li class="wish-item" id="wish-<?cs var:w.id ?>">
      <a class="wish-name" href="/p/<?cs var:w.slug ?>"><?cs var:w.name ?></a>
      <span class="wish-price"><?cs var:w.price ?></span>
      <?cs if:!w.in_stock ?><span class="stock out"><?cs var:Lang.watch.sold_out ?></span><?cs /if ?>
      <span class="wish-actions">
      <?cs if:w.in_stock ?><?cs if:w.has_plans ?>
        <a class="button" href="/p/<?cs var:w.slug ?>"><?cs var:Lang.watch.choose_plan ?></a>
      <?cs else ?>
        <form method="post" action="/account/wishlist/move">
          <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="product" value="<?cs var:w.id ?>">
          <button type="submit" class="button primary"><?cs var:Lang.watch.move ?></button>
        </form>
      <?cs /if ?><?cs /if ?>
        <form method="post" action="/account/wishlist/remove">
          <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="product" value="<?cs var:w.id ?>">
          <button type="submit" class="button link"><?cs var:Lang.watch.remove ?></button>
        </form>
      </span>
    </li>
  <?cs /each ?>
  </ul>
  <?cs /if ?>
  <p><a href="/account"><?cs var:Lang.account ?></a></p>
</section>
<?cs /def ?>
