<?cs # Order list: Page.f.* (filters), Page.statuses, Page.methods,
      Page.orders.N, Page.orders_next (keyset), Page.query. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.adm.orders ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("orders") ?>
  <h1><?cs var:Lang.adm.orders ?></h1>
  <form class="adm-filter" method="get" action="/admin/orders" role="search">
    <div class="field"><label for="f-q"><?cs var:Lang.adm.search ?></label><input id="f-q" name="q" type="search" maxlength="254" value="<?cs var:Page.f.q ?>"></div>
    <div class="field"><label for="f-status"><?cs var:Lang.adm.status ?></label><select id="f-status" name="status"><option value=""><?cs var:Lang.adm.any ?></option><?cs each:s = Page.statuses ?><option value="<?cs var:s ?>"<?cs if:s == Page.f.status ?> selected<?cs /if ?>><?cs var:Lang.order.status[s] ?></option><?cs /each ?></select></div>
    <div class="field"><label for="f-method"><?cs var:Lang.adm.method ?></label><select id="f-method" name="method"><option value=""><?cs var:Lang.adm.any ?></option><?cs each:m = Page.methods ?><option value="<?cs var:m ?>"<?cs if:m == Page.f.method ?> selected<?cs /if ?>><?cs var:Lang.pay[m].name ?></option><?cs /each ?></select></div>
    <div class="field"><label for="f-from"><?cs var:Lang.adm.from ?></label><input id="f-from" name="from" type="date" value="<?cs var:Page.f.from ?>"></div>
    <div class="field"><label for="f-to"><?cs var:Lang.adm.to ?></label><input id="f-to" name="to" type="date" value="<?cs var:Page.f.to ?>"></div>
    <button type="submit" class="button"><?cs var:Lang.adm.apply ?></button> <a href="/admin/orders"><?cs var:Lang.adm.reset ?></a>
  </form>
  <p><a class="button" id="export" href="/admin/export<?cs if:Page.query ?>?<?cs var:Page.query ?><?cs /if ?>"><?cs var:Lang.adm.export ?></a></p>
  <?cs call:adm_orders(Page.orders, "orders") ?>
  <?cs if:?Page.orders_next ?><p><a id="next" rel="next" href="/admin/orders?<?cs if:Page.query ?><?cs var:Page.query ?>&amp;<?cs /if ?>before=<?cs var:Page.orders_next ?>"><?cs var:Lang.adm.next ?></a></p><?cs /if ?>
</section>
<?cs /def ?>
