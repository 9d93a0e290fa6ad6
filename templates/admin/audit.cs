<?cs # The audit log: Page.log.N.{at,actor,action,kind,object,detail,addr},
      Page.log_next (keyset). ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.adm.audit ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("audit") ?>
  <h1><?cs var:Lang.adm.audit ?></h1>
  <?cs if:subcount(Page.log) == 0 ?><p class="empty"><?cs var:Lang.adm.none ?></p><?cs else ?>
  <div class="adm-table-wrap"><table class="adm-table" id="audit">
  <thead><tr><th scope="col"><?cs var:Lang.adm.at ?></th><th scope="col"><?cs var:Lang.adm.who ?></th><th scope="col"><?cs var:Lang.adm.action ?></th><th scope="col"><?cs var:Lang.adm.object ?></th><th scope="col"><?cs var:Lang.adm.detail ?></th><th scope="col"><?cs var:Lang.adm.addr ?></th></tr></thead>
  <tbody><?cs each:e = Page.log ?><tr><td data-label="<?cs var:Lang.adm.at ?>"><?cs var:e.at ?></td><td data-label="<?cs var:Lang.adm.who ?>"><?cs var:e.actor ?></td><td data-label="<?cs var:Lang.adm.action ?>"><?cs var:e.action ?></td><td data-label="<?cs var:Lang.adm.object ?>"><?cs if:e.kind == "order" ?><a href="/admin/order/<?cs var:url_escape(e.object) ?>"><?cs var:e.kind ?> <?cs var:e.object ?></a><?cs else ?><?cs var:e.kind ?> <?cs var:e.object ?><?cs /if ?></td><td data-label="<?cs var:Lang.adm.detail ?>"><?cs var:e.detail ?></td><td data-label="<?cs var:Lang.adm.addr ?>"><?cs var:e.addr ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
  <?cs if:?Page.log_next ?><p><a rel="next" href="/admin/audit?before=<?cs var:Page.log_next ?>"><?cs var:Lang.adm.older ?></a></p><?cs /if ?>
</section>
<?cs /def ?>
