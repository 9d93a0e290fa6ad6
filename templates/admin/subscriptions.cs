<?cs # Subscriptions for staff (cgi-bin/parts/admin/subs.c): Page.subs
      (subs_hdf.h, plus .order), Page.f.{status,product,within},
      Page.statuses.N. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.adm.sub.title ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("subscriptions") ?>
  <h1><?cs var:Lang.adm.sub.title ?></h1>
  <form method="get" action="/admin/subscriptions" class="form adm-filters">
    <div class="field"><label for="f-status"><?cs var:Lang.adm.sub.status ?></label><select id="f-status" name="status"><option value=""><?cs var:Lang.adm.sub.any ?></option><?cs each:st = Page.statuses ?><option value="<?cs var:st ?>"<?cs if:Page.f.status == st ?> selected<?cs /if ?>><?cs var:Lang.sub.status[st] ?></option><?cs /each ?></select></div>
    <div class="field"><label for="f-product"><?cs var:Lang.adm.sub.product ?></label><input id="f-product" name="product" value="<?cs var:Page.f.product ?>" maxlength="120"></div>
    <div class="field"><label for="f-within"><?cs var:Lang.adm.sub.within ?></label><input id="f-within" name="within" type="number" min="1" max="3660" value="<?cs var:Page.f.within ?>"></div>
    <button type="submit" class="button"><?cs var:Lang.adm.filter ?></button>
  </form>
  <?cs if:Page.subs_count == 0 ?><p class="empty" id="subs-empty"><?cs var:Lang.adm.sub.none ?></p><?cs else ?>
  <div class="adm-table-wrap"><table class="adm-table" id="subs">
  <thead><tr><th scope="col"><?cs var:Lang.adm.sub.product ?></th><th scope="col"><?cs var:Lang.adm.sub.status ?></th><th scope="col"><?cs var:Lang.adm.sub.starts ?></th><th scope="col"><?cs var:Lang.adm.sub.ends ?></th><th scope="col"><?cs var:Lang.adm.sub.access ?></th><th scope="col"><?cs var:Lang.adm.sub.order ?></th></tr></thead>
  <tbody><?cs each:s = Page.subs ?><tr id="sub-<?cs var:s.id ?>"><td data-label="<?cs var:Lang.adm.sub.product ?>"><a href="/admin/subscription/<?cs var:s.id ?>"><?cs var:s.name ?></a></td><td data-label="<?cs var:Lang.adm.sub.status ?>" class="sub-status"><?cs var:Lang.sub.status[s.status] ?></td><td data-label="<?cs var:Lang.adm.sub.starts ?>"><?cs var:s.starts ?></td><td data-label="<?cs var:Lang.adm.sub.ends ?>"><?cs var:s.ends ?></td><td data-label="<?cs var:Lang.adm.sub.access ?>"><?cs var:s.access ?></td><td data-label="<?cs var:Lang.adm.sub.order ?>"><a href="/admin/order/<?cs var:s.order ?>"><?cs var:Lang.adm.sub.order ?> <?cs var:s.order ?></a></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
</section>
<?cs /def ?>
