<?cs # The contact inbox: Page.box, Page.messages.N.{id,at,name,email,
      subject,excerpt,status}, Page.next (keyset). ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.admmsg.inbox ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("messages") ?>
  <h1><?cs var:Lang.admmsg.inbox ?></h1>
  <nav class="adm-tabs" aria-label="<?cs var:Lang.admmsg.boxes ?>"><?cs each:b = Lang.admmsg.box ?><a href="/admin/messages?box=<?cs name:b ?>"<?cs if:Page.box == name(b) ?> aria-current="page"<?cs /if ?>><?cs var:b ?></a> <?cs /each ?></nav>
  <?cs if:subcount(Page.messages) == 0 ?><p class="empty" id="messages-empty"><?cs var:Lang.adm.none ?></p><?cs else ?>
  <div class="adm-table-wrap"><table class="adm-table" id="messages">
  <thead><tr><th scope="col"><?cs var:Lang.adm.date ?></th><th scope="col"><?cs var:Lang.admmsg.from ?></th><th scope="col"><?cs var:Lang.admmsg.subject ?></th><th scope="col"><?cs var:Lang.adm.status ?></th></tr></thead>
  <tbody><?cs each:m = Page.messages ?><tr<?cs if:m.status == "new" ?> class="unread"<?cs /if ?>><td data-label="<?cs var:Lang.adm.date ?>"><?cs var:m.at ?></td><td data-label="<?cs var:Lang.admmsg.from ?>"><?cs var:m.name ?><br><small><?cs var:m.email ?></small></td><td data-label="<?cs var:Lang.admmsg.subject ?>"><a href="/admin/message/<?cs var:m.id ?>"><?cs var:m.subject ?></a><br><small><?cs var:m.excerpt ?></small></td><td data-label="<?cs var:Lang.adm.status ?>"><?cs var:Lang.admmsg.status[m.status] ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
  <?cs if:?Page.next ?><p><a rel="next" href="/admin/messages?box=<?cs var:url_escape(Page.box) ?>&amp;before=<?cs var:Page.next ?>"><?cs var:Lang.admmsg.older ?></a></p><?cs /if ?>
</section>
<?cs /def ?>
