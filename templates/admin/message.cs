<?cs # One contact message: Page.message.*, Page.customer.* (the account
      with its address), Page.order.* (the order it names), Page.replies.N.
      {at,author,body,mail}; the reply form and the status moves. ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs var:Page.message.subject ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin">
  <?cs call:adm_nav("messages") ?>
  <?cs with:m = Page.message ?>
  <p><a href="/admin/messages"><?cs var:Lang.admmsg.back ?></a></p>
  <h1 id="msg-subject"><?cs var:m.subject ?></h1>
  <dl class="adm-facts">
    <div><dt><?cs var:Lang.admmsg.from ?></dt><dd id="msg-from"><?cs var:m.name ?> &lt;<?cs var:m.email ?>&gt;</dd></div>
    <div><dt><?cs var:Lang.adm.date ?></dt><dd><?cs var:m.at ?></dd></div>
    <div><dt><?cs var:Lang.adm.status ?></dt><dd id="msg-status"><?cs var:Lang.admmsg.status[m.status] ?></dd></div>
    <div><dt><?cs var:Lang.admmsg.customer ?></dt><dd id="msg-customer"><?cs if:?Page.customer.id ?><?cs var:Page.customer.name ?> (<?cs var:Page.customer.role ?>)<?cs else ?><?cs var:Lang.admmsg.no_account ?><?cs /if ?></dd></div>
    <div><dt><?cs var:Lang.admmsg.order ?></dt><dd id="msg-order"><?cs if:?Page.order.id ?><a href="/admin/order/<?cs var:Page.order.id ?>"><?cs var:Page.order.reference ?></a> — <?cs call:status(Page.order.status, Page.order.status) ?><?cs if:Page.order.same_email != "1" ?> <strong class="warn"><?cs var:Lang.admmsg.other_email ?></strong><?cs /if ?><?cs elif:m.order_ref ?><?cs var:m.order_ref ?> (<?cs var:Lang.admmsg.no_order ?>)<?cs else ?><?cs var:Lang.admmsg.no_order ?><?cs /if ?></dd></div>
  </dl>
  <div class="adm-message-body" id="msg-body"><?cs var:m.body ?></div>

  <h2><?cs var:Lang.admmsg.replies ?></h2>
  <?cs if:subcount(Page.replies) == 0 ?><p class="empty"><?cs var:Lang.admmsg.no_reply ?></p><?cs else ?>
  <ol class="adm-replies" id="replies"><?cs each:r = Page.replies ?><li><time><?cs var:r.at ?></time> <?cs var:r.author ?> (<?cs var:Lang.admmsg.mail[r.mail] ?>)<div class="reply-body"><?cs var:r.body ?></div></li><?cs /each ?></ol>
  <?cs /if ?>
  <?cs if:Page.may.message_act ?>
  <form method="post" action="/admin/message/reply" class="form" id="reply-form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:m.id ?>">
    <div class="field"><label for="reply-body"><?cs var:Lang.admmsg.reply_label ?> (<?cs var:m.email ?>)</label><textarea id="reply-body" name="body" required maxlength="2000" rows="6"></textarea></div>
    <button type="submit" class="button primary" id="do-reply"><?cs var:Lang.admmsg.send ?></button>
  </form>
  <div class="adm-actions">
    <?cs if:m.status != "archived" ?><form method="post" action="/admin/message/status"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:m.id ?>"><input type="hidden" name="do" value="handled"><button type="submit" class="button" id="do-handled"><?cs var:Lang.admmsg.handled ?></button></form><?cs else ?><form method="post" action="/admin/message/status"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:m.id ?>"><input type="hidden" name="do" value="reopen"><button type="submit" class="button" id="do-reopen"><?cs var:Lang.admmsg.reopen ?></button></form><?cs /if ?>
    <?cs if:m.status != "spam" ?><form method="post" action="/admin/message/status"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:m.id ?>"><input type="hidden" name="do" value="spam"><button type="submit" class="button danger" id="do-spam"><?cs var:Lang.admmsg.spam ?></button></form><?cs /if ?>
  </div>
  <?cs /if ?>
  <?cs /with ?>
</section>
<?cs /def ?>
