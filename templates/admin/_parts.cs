<?cs # Shared by the admin pages: the menu (Page.may.*), notices, order rows. ?>
<?cs include:"partials/order.cs" ?>
<?cs def:adm_nav(here) ?>
<nav class="adm-nav" aria-label="<?cs var:Lang.adm.menu ?>">
  <a href="/admin"<?cs if:here == "dashboard" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.adm.dashboard ?></a>
  <a href="/admin/orders"<?cs if:here == "orders" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.adm.orders ?></a>
  <?cs if:Page.may.messages ?><a href="/admin/messages"<?cs if:here == "messages" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.admmsg.inbox ?></a><?cs /if ?>
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
<tr><td data-label="<?cs var:Lang.adm.reference ?>"><a href="/admin/order/<?cs var:o.id ?>"><?cs var:o.reference ?></a><?cs if:o.proofs > 0 ?> <small>(<?cs var:o.proofs ?> <?cs var:Lang.adm.proofs ?>)</small><?cs /if ?></td><td data-label="<?cs var:Lang.adm.date ?>"><?cs var:o.created ?></td><td data-label="<?cs var:Lang.adm.status ?>"><?cs call:status(o.status) ?></td><td data-label="<?cs var:Lang.adm.method ?>"><?cs var:Lang.pay[o.method].name ?></td><td data-label="<?cs var:Lang.adm.customer ?>"><?cs var:o.name ?><br><small><?cs var:o.email ?> · <?cs var:o.phone ?></small></td><td data-label="<?cs var:Lang.adm.total ?>"><?cs var:o.total ?></td></tr>
<?cs /each ?></tbody></table></div>
<?cs /if ?>
<?cs /def ?>
