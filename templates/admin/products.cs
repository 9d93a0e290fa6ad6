<?cs # Catalog list: Page.f.* (filters), Page.products.N, Page.next (keyset),
      Page.query, Page.cats.N, Page.kinds.N. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.cat.products ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("products") ?>
  <h1><?cs var:Lang.cat.products ?></h1>
  <p><a class="button" id="new-product" href="/admin/product"><?cs var:Lang.cat.new ?></a> <a class="button" id="products-export" href="/admin/products/export" download><?cs var:Lang.cat.import.export ?></a> <a class="button" id="products-import" href="/admin/products/import"><?cs var:Lang.cat.import.title ?></a></p>
  <form class="adm-filter" method="get" action="/admin/products" role="search">
    <div class="field"><label for="f-q"><?cs var:Lang.cat.search ?></label><input id="f-q" name="q" type="search" maxlength="254" value="<?cs var:Page.f.q ?>"></div>
    <div class="field"><label for="f-kind"><?cs var:Lang.cat.field.product_kind ?></label><select id="f-kind" name="product_kind"><option value=""><?cs var:Lang.adm.any ?></option><?cs each:k = Page.kinds ?><option value="<?cs var:k ?>"<?cs if:k == Page.f.product_kind ?> selected<?cs /if ?>><?cs var:Lang.cat.kind[k] ?></option><?cs /each ?></select></div>
    <div class="field"><label for="f-state"><?cs var:Lang.cat.state ?></label><select id="f-state" name="state"><option value=""><?cs var:Lang.adm.any ?></option><option value="active"<?cs if:Page.f.state == "active" ?> selected<?cs /if ?>><?cs var:Lang.cat.active ?></option><option value="archived"<?cs if:Page.f.state == "archived" ?> selected<?cs /if ?>><?cs var:Lang.cat.archived ?></option></select></div>
    <div class="field"><label for="f-cat"><?cs var:Lang.cat.field.category ?></label><select id="f-cat" name="category"><?cs call:cat_options(Page.f.category, Lang.adm.any) ?></select></div>
    <button type="submit" class="button"><?cs var:Lang.adm.apply ?></button> <a href="/admin/products"><?cs var:Lang.adm.reset ?></a>
  </form>
  <?cs if:subcount(Page.products) == 0 ?><p class="empty" id="products-empty"><?cs var:Lang.adm.none ?></p><?cs else ?>
  <div class="adm-table-wrap"><table class="adm-table" id="products">
  <thead><tr><th scope="col"><?cs var:Lang.cat.field.name ?></th><th scope="col"><?cs var:Lang.cat.field.product_kind ?></th><th scope="col"><?cs var:Lang.cat.field.category ?></th><th scope="col"><?cs var:Lang.cat.field.price ?></th><th scope="col"><?cs var:Lang.cat.field.stock ?></th><th scope="col"><?cs var:Lang.cat.state ?></th></tr></thead>
  <tbody><?cs each:p = Page.products ?>
  <tr><td data-label="<?cs var:Lang.cat.field.name ?>"><?cs if:p.image ?><img class="adm-thumb" src="<?cs var:p.image ?>" alt="" width="40" height="40"> <?cs /if ?><a href="/admin/product/<?cs var:p.id ?>"><?cs var:p.name ?></a><br><small>#<?cs var:p.id ?> · <?cs var:p.slug ?></small></td><td data-label="<?cs var:Lang.cat.field.product_kind ?>"><?cs var:Lang.cat.kind[p.kind] ?></td><td data-label="<?cs var:Lang.cat.field.category ?>"><?cs var:p.category ?></td><td data-label="<?cs var:Lang.cat.field.price ?>"><?cs var:p.price ?></td><td data-label="<?cs var:Lang.cat.field.stock ?>"><?cs alt:p.stock ?><?cs var:Lang.cat.unlimited ?><?cs /alt ?></td><td data-label="<?cs var:Lang.cat.state ?>"><?cs if:p.active == "1" ?><?cs var:Lang.cat.active ?><?cs else ?><?cs var:Lang.cat.archived ?><?cs /if ?></td></tr>
  <?cs /each ?></tbody></table></div>
  <?cs if:?Page.next ?><p><a id="next" rel="next" href="/admin/products?<?cs if:Page.query ?><?cs var:Page.query ?>&amp;<?cs /if ?>before=<?cs var:Page.next ?>"><?cs var:Lang.cat.older ?></a></p><?cs /if ?>
  <?cs /if ?>
  <h2><?cs var:Lang.cat.bulk ?></h2>
  <form method="post" action="/admin/products/bulk" class="adm-form" id="bulk">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <div class="field"><label for="b-ids"><?cs var:Lang.cat.bulk_ids ?></label><input id="b-ids" name="ids" required></div>
    <div class="field"><label for="b-op"><?cs var:Lang.adm.action ?></label><select id="b-op" name="bulk"><option value="activate"><?cs var:Lang.cat.op.activate ?></option><option value="archive"><?cs var:Lang.cat.op.archive ?></option><option value="move"><?cs var:Lang.cat.op.move ?></option></select></div>
    <div class="field"><label for="b-cat"><?cs var:Lang.cat.field.category ?></label><select id="b-cat" name="category"><?cs call:cat_options("", Lang.cat.no_category) ?></select></div>
    <button type="submit" class="button"><?cs var:Lang.adm.apply ?></button>
  </form>
</section>
<?cs /def ?>
