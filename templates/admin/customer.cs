<?cs # One account: Page.cust.* (profile and figures), Page.orders.N,
      Page.subs.N, Page.library.N, Page.grants.N and Page.grantable.N
      (with Page.may_grant), Page.messages.N, Page.sessions.N,
      Page.notes.N, Page.log.N (audit, admins); the actions the visitor's
      role allows (Page.may.*). ?>
<?cs include:"admin/_parts.cs" ?>
<?cs include:"admin/_customer.cs" ?>
<?cs def:title() ?><?cs if:Page.cust.name ?><?cs var:Page.cust.name ?><?cs else ?><?cs var:Page.cust.email ?><?cs /if ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:act(what, label, cls) ?><form method="post" action="/admin/customer/act"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:Page.cust.id ?>"><input type="hidden" name="do" value="<?cs var:what ?>"><button type="submit" class="button <?cs var:cls ?>" id="do-<?cs var:what ?>"><?cs var:label ?></button></form><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("customers") ?>
  <?cs with:u = Page.cust ?>
  <p><a href="/admin/customers"><?cs var:Lang.admcust.back ?></a></p>
  <h1 id="cust-name"><?cs if:u.name ?><?cs var:u.name ?><?cs else ?><?cs var:Lang.admcust.no_name ?><?cs /if ?> <small>#<?cs var:u.id ?></small></h1>
  <?cs call:cust_done() ?>
  <dl class="adm-facts" id="cust-facts">
    <div><dt><?cs var:Lang.admcust.email ?></dt><dd id="cust-email"><?cs var:u.email ?></dd></div>
    <div><dt><?cs var:Lang.admcust.tel ?></dt><dd><?cs if:u.phone ?><?cs var:u.phone ?><?cs else ?>—<?cs /if ?></dd></div>
    <div><dt><?cs var:Lang.admcust.role ?></dt><dd id="cust-role"><?cs var:Lang.admcust.roles[u.role] ?></dd></div>
    <div><dt><?cs var:Lang.admcust.verified ?></dt><dd><?cs if:u.verified == "1" ?><?cs var:Lang.admcust.yes ?><?cs else ?><?cs var:Lang.admcust.no ?><?cs /if ?></dd></div>
    <div><dt><?cs var:Lang.admcust.state ?></dt><dd id="cust-state"><?cs if:u.disabled == "1" ?><strong class="warn"><?cs var:Lang.admcust.disabled ?></strong><?cs else ?><?cs var:Lang.admcust.active ?><?cs /if ?></dd></div>
    <div><dt><?cs var:Lang.admcust.totp ?></dt><dd><?cs if:u.totp == "1" ?><?cs var:Lang.admcust.yes ?><?cs else ?><?cs var:Lang.admcust.no ?><?cs /if ?></dd></div>
    <div><dt><?cs var:Lang.admcust.lang ?></dt><dd><?cs var:Lang.admcust.langs[u.lang] ?></dd></div>
    <div><dt><?cs var:Lang.admcust.since ?></dt><dd><?cs var:u.created ?></dd></div>
    <div><dt><?cs var:Lang.admcust.orders ?></dt><dd id="cust-orders"><?cs var:u.orders ?></dd></div>
    <div><dt><?cs var:Lang.admcust.ltv ?></dt><dd id="cust-ltv"><?cs var:u.ltv ?></dd></div>
    <div><dt><?cs var:Lang.admcust.last ?></dt><dd><?cs if:u.last ?><?cs var:u.last ?><?cs else ?>—<?cs /if ?></dd></div>
  </dl>
  <p class="hint"><?cs var:Lang.admcust.ltv_help ?></p>

  <?cs if:u.self == "1" ?><p class="hint" id="cust-self"><?cs var:Lang.admcust.err.self ?></p><?cs /if ?>
  <?cs if:Page.may.customer_act && u.self != "1" ?>
  <h2><?cs var:Lang.admcust.actions ?></h2>
  <div class="adm-actions" id="cust-actions">
    <?cs if:u.disabled == "1" ?><?cs call:act("enable", Lang.admcust.enable, "") ?><?cs else ?><?cs call:act("disable", Lang.admcust.disable, "danger") ?><?cs call:act("invite", Lang.admcust.invite, "") ?><?cs /if ?>
    <?cs call:act("sessions", Lang.admcust.end_sessions, "") ?>
  </div>
  <?cs /if ?>
  <?cs if:Page.may.roles && u.self != "1" ?>
  <form method="post" action="/admin/customer/role" class="form adm-inline" id="role-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:u.id ?>">
    <div class="field"><label for="c-role"><?cs var:Lang.admcust.role ?></label><select id="c-role" name="role"><?cs each:r = Lang.admcust.roles ?><option value="<?cs name:r ?>"<?cs if:u.role == name(r) ?> selected<?cs /if ?>><?cs var:r ?></option><?cs /each ?></select></div>
    <button type="submit" class="button" id="do-role"><?cs var:Lang.admcust.set_role ?></button>
  </form>
  <?cs /if ?>

  <h2><?cs var:Lang.admcust.orders ?></h2>
  <?cs if:subcount(Page.orders) == 0 ?><p class="empty" id="orders-empty"><?cs var:Lang.adm.none ?></p><?cs else ?>
  <div class="adm-table-wrap"><table class="adm-table" id="cust-order-list">
  <thead><tr><th scope="col"><?cs var:Lang.adm.reference ?></th><th scope="col"><?cs var:Lang.adm.date ?></th><th scope="col"><?cs var:Lang.adm.status ?></th><th scope="col"><?cs var:Lang.adm.method ?></th><th scope="col"><?cs var:Lang.adm.total ?></th></tr></thead>
  <tbody><?cs each:o = Page.orders ?><tr><td data-label="<?cs var:Lang.adm.reference ?>"><a href="/admin/order/<?cs var:o.id ?>"><?cs var:o.reference ?></a><?cs if:o.guest == "1" ?> <small>(<?cs var:Lang.admcust.guest ?>)</small><?cs /if ?></td><td data-label="<?cs var:Lang.adm.date ?>"><?cs var:o.created ?></td><td data-label="<?cs var:Lang.adm.status ?>"><?cs call:status(o.status, o.status) ?></td><td data-label="<?cs var:Lang.adm.method ?>"><?cs var:Lang.pay[o.method].name ?></td><td data-label="<?cs var:Lang.adm.total ?>"><?cs var:o.total ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
  <p><a href="/admin/orders?q=<?cs var:url_escape(u.email) ?>"><?cs var:Lang.admcust.all_orders ?></a></p>

  <?cs if:subcount(Page.subs) > 0 ?>
  <h2><?cs var:Lang.admcust.subs ?></h2>
  <ul class="adm-list" id="cust-subs"><?cs each:s = Page.subs ?><li><?cs var:s.name ?> — <?cs if:?Lang.admcust.sub_state[s.state] ?><?cs var:Lang.admcust.sub_state[s.state] ?><?cs else ?><?cs var:s.state ?><?cs /if ?>, <?cs var:Lang.admcust.ends ?> <?cs var:s.ends ?><?cs if:s.order > 0 ?> (<a href="/admin/order/<?cs var:s.order ?>"><?cs var:Lang.admcust.order ?></a>)<?cs /if ?></li><?cs /each ?></ul>
  <?cs /if ?>
  <?cs if:subcount(Page.library) > 0 ?>
  <h2><?cs var:Lang.admcust.library ?></h2>
  <ul class="adm-list" id="cust-library"><?cs each:l = Page.library ?><li><?cs var:l.name ?> <small><?cs var:l.file ?></small> — <?cs var:l.used ?><?cs if:l.max > 0 ?>/<?cs var:l.max ?><?cs /if ?> <?cs var:Lang.admcust.downloads ?><?cs if:l.order > 0 ?> (<a href="/admin/order/<?cs var:l.order ?>"><?cs var:Lang.admcust.order ?></a>)<?cs /if ?></li><?cs /each ?></ul>
  <?cs /if ?>

  <?cs if:Page.may_grant ?>
  <h2 id="grants"><?cs var:Lang.admcust.grants ?></h2>
  <?cs if:subcount(Page.grants) == 0 ?><p class="empty" id="grants-empty"><?cs var:Lang.admcust.grants_none ?></p><?cs else ?>
  <ul class="adm-list" id="cust-grants"><?cs each:g = Page.grants ?><li id="grant-<?cs var:g.id ?>"><?cs var:g.name ?><?cs if:g.media ?> <small>(<?cs var:Lang.cat.media[g.media] ?>)</small><?cs /if ?> — <?cs if:g.until ?><?cs var:Lang.admcust.until ?> <?cs var:g.until ?><?cs else ?><?cs var:Lang.admcust.for_ever ?><?cs /if ?>, <?cs if:g.max > 0 ?><?cs var:g.max ?> <?cs var:Lang.admcust.downloads ?><?cs else ?><?cs var:Lang.admcust.unlimited ?><?cs /if ?>; <?cs var:g.at ?> <?cs var:Lang.admcust.granted_by ?> <?cs if:g.by ?><?cs var:g.by ?><?cs else ?>soukctl<?cs /if ?><?cs if:g.reason ?>: <q><?cs var:g.reason ?></q><?cs /if ?>
    <form method="post" action="/admin/customer/ungrant" class="inline"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:u.id ?>"><input type="hidden" name="ent" value="<?cs var:g.id ?>"><button type="submit" class="button" id="ungrant-<?cs var:g.id ?>"><?cs var:Lang.admcust.ungrant ?></button></form></li><?cs /each ?></ul>
  <?cs /if ?>
  <form method="post" action="/admin/customer/grant" class="form" id="grant-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:u.id ?>">
    <p><?cs var:Lang.admcust.grant_help ?></p>
    <div class="field"><label for="g-product"><?cs var:Lang.admcust.grant_product ?></label><input id="g-product" name="product" required maxlength="120" list="g-products" autocomplete="off"><datalist id="g-products"><?cs each:p = Page.grantable ?><option value="<?cs var:p.slug ?>"><?cs var:p.name ?><?cs if:p.media ?> (<?cs var:Lang.cat.media[p.media] ?>)<?cs /if ?></option><?cs /each ?></datalist></div>
    <div class="field"><label for="g-days"><?cs var:Lang.admcust.grant_days ?></label><input id="g-days" name="days" inputmode="numeric"></div>
    <div class="field"><label for="g-downloads"><?cs var:Lang.admcust.grant_downloads ?></label><input id="g-downloads" name="downloads" inputmode="numeric"></div>
    <div class="field"><label for="g-reason"><?cs var:Lang.admcust.grant_reason ?></label><input id="g-reason" name="reason" maxlength="500"></div>
    <button type="submit" class="button primary" id="do-grant"><?cs var:Lang.admcust.grant_do ?></button>
  </form>
  <?cs /if ?>

  <h2><?cs var:Lang.admcust.messages ?></h2>
  <?cs if:subcount(Page.messages) == 0 ?><p class="empty" id="messages-empty"><?cs var:Lang.adm.none ?></p><?cs else ?>
  <ul class="adm-list" id="cust-messages"><?cs each:m = Page.messages ?><li><time><?cs var:m.at ?></time> <?cs if:Page.may.messages ?><a href="/admin/message/<?cs var:m.id ?>"><?cs var:m.subject ?></a><?cs else ?><?cs var:m.subject ?><?cs /if ?> <small>(<?cs var:Lang.admmsg.status[m.status] ?>)</small></li><?cs /each ?></ul>
  <?cs /if ?>

  <h2><?cs var:Lang.admcust.sessions ?> (<?cs var:subcount(Page.sessions) ?>)</h2>
  <?cs if:subcount(Page.sessions) > 0 ?>
  <ul class="adm-list" id="cust-sessions"><?cs each:s = Page.sessions ?><li><?cs var:Lang.admcust.seen ?> <?cs var:s.seen ?> — <?cs var:s.client ?> <small><?cs var:s.agent ?></small></li><?cs /each ?></ul>
  <?cs /if ?>

  <h2><?cs var:Lang.admcust.notes ?></h2>
  <?cs if:subcount(Page.notes) == 0 ?><p class="empty" id="notes-empty"><?cs var:Lang.admcust.no_notes ?></p><?cs else ?>
  <ol class="adm-replies" id="cust-notes"><?cs each:k = Page.notes ?><li><time><?cs var:k.at ?></time> <?cs var:k.author ?><div class="reply-body"><?cs var:k.body ?></div></li><?cs /each ?></ol>
  <?cs /if ?>
  <?cs if:Page.may.customer_note ?>
  <form method="post" action="/admin/customer/note" class="form" id="note-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:u.id ?>">
    <div class="field"><label for="c-note"><?cs var:Lang.admcust.note_label ?></label><textarea id="c-note" name="body" required maxlength="2000" rows="4"></textarea></div>
    <button type="submit" class="button" id="do-note"><?cs var:Lang.admcust.add_note ?></button>
  </form>
  <?cs /if ?>

  <?cs if:subcount(Page.log) > 0 ?>
  <h2><?cs var:Lang.adm.audit ?></h2>
  <ul class="adm-list" id="cust-audit"><?cs each:e = Page.log ?><li><time><?cs var:e.at ?></time> <?cs var:e.actor ?>: <?cs var:e.action ?><?cs if:e.detail ?> — <?cs var:e.detail ?><?cs /if ?></li><?cs /each ?></ul>
  <?cs /if ?>
  <?cs /with ?>
</section>
<?cs /def ?>
