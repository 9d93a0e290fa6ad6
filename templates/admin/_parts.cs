<?cs # Shared by the admin pages: the menu (Page.may.*), notices, order rows. ?>
<?cs include:"partials/order.cs" ?>
<?cs def:adm_nav(here) ?>
<nav class="adm-nav" aria-label="<?cs var:Lang.adm.menu ?>">
  <a href="/admin"<?cs if:here == "dashboard" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.adm.dashboard ?></a>
  <a href="/admin/orders"<?cs if:here == "orders" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.adm.orders ?></a>
  <?cs if:Page.may.reviews ?><a href="/admin/reviews"<?cs if:here == "reviews" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.admrv.menu ?></a><?cs /if ?>
  <?cs if:Page.may.subscriptions ?><a href="/admin/subscriptions"<?cs if:here == "subscriptions" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.adm.subscriptions ?></a><?cs /if ?>
  <?cs if:Page.may.credentials ?><a href="/admin/credentials"<?cs if:here == "credentials" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.adm.credentials ?></a><?cs /if ?>
  <?cs if:Page.may.catalog ?><a href="/admin/products"<?cs if:here == "products" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.cat.products ?></a> <a href="/admin/categories"<?cs if:here == "categories" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.cat.categories ?></a> <a href="/admin/attributes"<?cs if:here == "attributes" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.attr.title ?></a><?cs /if ?>
  <?cs if:Page.may.customers ?><a href="/admin/customers"<?cs if:here == "customers" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.admcust.title ?></a><?cs /if ?>
  <?cs if:Page.may.content ?><a href="/admin/pages"<?cs if:here == "content" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.admct.menu ?></a><?cs /if ?>
  <?cs if:Page.may.messages ?><a href="/admin/messages"<?cs if:here == "messages" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.admmsg.inbox ?></a><?cs /if ?>
  <?cs if:Page.may.coupons ?><a href="/admin/coupons"<?cs if:here == "coupons" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.admcpn.title ?></a><?cs /if ?>
  <?cs if:Page.may.shipping ?><a href="/admin/shipping"<?cs if:here == "shipping" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.admship.title ?></a><?cs /if ?>
  <?cs if:Page.may.settings ?><a href="/admin/settings"<?cs if:here == "settings" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.admset.title ?></a><?cs /if ?>
  <?cs if:Page.may.audit ?><a href="/admin/audit"<?cs if:here == "audit" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.adm.audit ?></a><?cs /if ?>
  <span class="adm-who"><?cs var:Lang.adm.signed_in ?> <?cs var:Page.staff.email ?> (<?cs var:Page.staff.role ?>)</span>
</nav>
<?cs if:?Page.notice ?><p class="notice <?cs if:Page.notice == "stale" ?>error<?cs else ?>ok<?cs /if ?>" id="adm-notice" role="status"><?cs var:Lang.adm.notice[Page.notice] ?></p><?cs /if ?>
<?cs /def ?>
<?cs def:adm_orders(list, id) ?>
<?cs if:subcount(list) == 0 ?><p class="empty" id="<?cs var:id ?>-empty"><?cs var:Lang.adm.none ?></p><?cs else ?>
<div class="adm-table-wrap"><table class="adm-table" id="<?cs var:id ?>">
<thead><tr><th scope="col"><?cs var:Lang.adm.reference ?></th><th scope="col"><?cs var:Lang.adm.date ?></th><th scope="col"><?cs var:Lang.adm.status ?></th><th scope="col"><?cs var:Lang.adm.method ?></th><th scope="col"><?cs var:Lang.adm.customer ?></th><th scope="col"><?cs var:Lang.adm.total ?></th></tr></thead>
<tbody><?cs each:o = list ?>
<tr><td data-label="<?cs var:Lang.adm.reference ?>"><a href="/admin/order/<?cs var:o.id ?>"><?cs var:o.reference ?></a><?cs if:o.proofs > 0 ?> <small>(<?cs var:o.proofs ?> <?cs var:Lang.adm.proofs ?>)</small><?cs /if ?></td><td data-label="<?cs var:Lang.adm.date ?>"><?cs var:o.created ?></td><td data-label="<?cs var:Lang.adm.status ?>"><?cs call:status(o.status, o.status) ?></td><td data-label="<?cs var:Lang.adm.method ?>"><?cs var:Lang.pay[o.method].name ?></td><td data-label="<?cs var:Lang.adm.customer ?>"><?cs var:o.name ?><br><small><?cs var:o.email ?> · <?cs var:o.phone ?></small></td><td data-label="<?cs var:Lang.adm.total ?>"><?cs var:o.total ?></td></tr>
<?cs /each ?></tbody></table></div>
<?cs /if ?>
<?cs /def ?>
<?cs # access_fields(id): the access details a staff member types (ids
      suffixed with id so several forms can share a page). ?>
<?cs def:access_fields(id) ?>
<div class="field"><label for="username-<?cs var:id ?>"><?cs var:Lang.adm.sub.username ?></label><input id="username-<?cs var:id ?>" name="username" maxlength="200" autocomplete="off"></div>
<div class="field"><label for="password-<?cs var:id ?>"><?cs var:Lang.adm.sub.password ?></label><input id="password-<?cs var:id ?>" name="password" maxlength="200" autocomplete="off"></div>
<div class="field"><label for="portal-<?cs var:id ?>"><?cs var:Lang.adm.sub.portal ?></label><input id="portal-<?cs var:id ?>" name="portal" type="url" maxlength="500" autocomplete="off"></div>
<div class="field"><label for="m3u-<?cs var:id ?>"><?cs var:Lang.adm.sub.m3u ?></label><input id="m3u-<?cs var:id ?>" name="m3u" type="url" maxlength="1000" autocomplete="off"></div>
<div class="field"><label for="code-<?cs var:id ?>"><?cs var:Lang.adm.sub.code ?></label><input id="code-<?cs var:id ?>" name="code" maxlength="200" autocomplete="off"></div>
<?cs /def ?>
<?cs def:cat_errors() ?><?cs if:subcount(Page.errors) > 0 ?>
<div class="errors" role="alert" id="form-errors"><p><?cs var:Lang.errors_heading ?></p><ul>
<?cs each:e = Page.errors ?><li><?cs if:e.field ?><strong><?cs alt:Lang.cat.field[e.field] ?><?cs var:e.field ?><?cs /alt ?></strong> <?cs var:Lang.err[e.err] ?>.<?cs else ?><?cs var:Lang.err[e.err] ?><?cs /if ?></li><?cs /each ?>
</ul></div><?cs /if ?><?cs /def ?>
<?cs def:cat_options(sel, none) ?><option value="0"><?cs var:none ?></option><?cs each:k = Page.cats ?><option value="<?cs var:k.id ?>"<?cs if:k.id == sel ?> selected<?cs /if ?>><?cs loop:d = 1, k.depth, 1 ?>— <?cs /loop ?><?cs var:k.name ?></option><?cs /each ?><?cs /def ?>
