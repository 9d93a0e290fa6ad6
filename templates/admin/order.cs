<?cs # One order: Page.order (order_hdf.h), Page.proofs.N.{name,type,original,
      image,at}, Page.notes.N, Page.audit.N, Page.can.<action>,
      Page.refund.* / Page.refunds.N / Page.resend.* (parts/admin/refund.c). ?>
<?cs include:"admin/_parts.cs" ?>
<?cs def:title() ?><?cs var:Lang.order.title ?> <?cs var:Page.order.reference ?> — <?cs var:Lang.adm.title ?><?cs /def ?>
<?cs def:main() ?>
<section class="admin adm-order">
  <?cs call:adm_nav("orders") ?>
  <?cs with:o = Page.order ?>
  <h1><?cs var:Lang.order.title ?> <span class="ref" id="ref"><?cs var:o.reference ?></span></h1>
  <p><?cs var:o.created ?> · <span id="status"><?cs call:status(o.status, o.status_text) ?></span> · <?cs var:Lang.pay[o.method].name ?> · <strong><?cs var:o.total ?></strong></p>

  <h2><?cs var:Lang.adm.proof_title ?></h2>
  <?cs if:subcount(Page.proofs) == 0 ?><p class="empty"><?cs var:Lang.adm.no_proof ?></p><?cs /if ?>
  <?cs each:p = Page.proofs ?>
  <figure class="adm-proof">
    <?cs if:p.image == "1" ?><a href="/admin/proof/<?cs var:p.name ?>"><img src="/admin/proof/<?cs var:p.name ?>" alt="<?cs var:Lang.adm.proof_alt ?>"></a>
    <?cs else ?><a class="button" href="/admin/proof/<?cs var:p.name ?>" download><?cs var:Lang.adm.proof_pdf ?></a><?cs /if ?>
    <figcaption><?cs var:p.at ?> · <?cs var:Lang.adm.proof_file ?> <q class="proof-name"><?cs var:p.original ?></q></figcaption>
  </figure>
  <?cs /each ?>

  <?cs if:subcount(Page.can) > 0 ?>
  <h2><?cs var:Lang.adm.actions ?></h2>
  <div class="adm-actions">
    <?cs if:Page.can.confirm ?><form method="post" action="/admin/order/act" class="adm-confirm"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:o.id ?>"><input type="hidden" name="do" value="confirm"><?cs if:Page.access_form == "1" ?><fieldset class="adm-access" id="confirm-access"><legend><?cs var:Lang.adm.sub.access_title ?></legend><p class="hint"><?cs var:Lang.adm.sub.confirm_help ?></p><?cs call:access_fields("c") ?></fieldset><?cs /if ?><button type="submit" class="button primary" id="do-confirm"><?cs var:Lang.adm.confirm ?></button></form><?cs /if ?>
    <?cs if:Page.can.complete ?><form method="post" action="/admin/order/act"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:o.id ?>"><input type="hidden" name="do" value="complete"><button type="submit" class="button primary" id="do-complete"><?cs var:Lang.adm.complete ?></button></form><?cs /if ?>
    <?cs if:Page.can.reject ?><form method="post" action="/admin/order/act" class="adm-reject"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:o.id ?>"><input type="hidden" name="do" value="reject"><div class="field"><label for="reason"><?cs var:Lang.adm.reason ?></label><textarea id="reason" name="reason" required maxlength="500" rows="2"></textarea></div><button type="submit" class="button" id="do-reject"><?cs var:Lang.adm.reject ?></button></form><?cs /if ?>
    <?cs if:Page.can.cancel ?><form method="post" action="/admin/order/act"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:o.id ?>"><input type="hidden" name="do" value="cancel"><button type="submit" class="button danger" id="do-cancel"><?cs var:Lang.adm.cancel ?></button></form><?cs /if ?>
  </div>
  <?cs /if ?>

  <?cs if:Page.refund_refused ?><p class="notice error" id="refund-refused" role="alert"><?cs var:Lang.refund.refused ?> <q><?cs var:Page.refund_refused ?></q></p><?cs /if ?>
  <?cs if:Page.refund_down == "1" ?><p class="notice error" id="refund-down" role="alert"><?cs var:Lang.refund.down ?></p><?cs /if ?>
  <?cs if:Page.refund.can == "1" ?>
  <h2><?cs var:Lang.refund.title ?></h2>
  <p class="hint"><?cs var:Lang.refund.left ?> <strong id="refund-left"><?cs var:Page.refund.left ?></strong> · <?cs if:Page.refund.gateway == "1" ?><?cs var:Lang.refund.by_gateway ?> (<?cs var:Page.refund.provider ?>)<?cs else ?><?cs var:Lang.refund.by_hand ?><?cs /if ?></p>
  <?cs if:Page.refund.whole_only == "1" ?><p class="notice" id="refund-whole-only"><?cs var:Lang.refund.whole_only ?></p><?cs /if ?>
  <div class="adm-actions adm-refund">
    <form method="post" action="/admin/order/refund" class="form" id="refund-full"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:o.id ?>"><input type="hidden" name="idem" value="<?cs var:Page.refund.idem ?>">
      <div class="field"><label for="refund-reason"><?cs var:Lang.refund.reason ?></label><input id="refund-reason" name="reason" maxlength="500"></div>
      <button type="submit" class="button danger" id="do-refund"><?cs var:Lang.refund.full ?></button></form>
    <?cs each:l = Page.refund.lines ?>
    <form method="post" action="/admin/order/refund" class="form refund-line" id="refund-line-<?cs var:l.line ?>"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:o.id ?>"><input type="hidden" name="idem" value="<?cs var:Page.refund.idem ?>"><input type="hidden" name="line" value="<?cs var:l.line ?>">
      <div class="field"><label for="qty-<?cs var:l.line ?>"><?cs var:l.name ?> — <?cs var:Lang.refund.units ?> (<?cs var:Lang.refund.at_most ?> <?cs var:l.left ?>)</label><input id="qty-<?cs var:l.line ?>" name="qty" type="number" min="1" max="<?cs var:l.left ?>" value="<?cs var:l.left ?>" required></div>
      <div class="field"><label for="reason-<?cs var:l.line ?>"><?cs var:Lang.refund.reason ?></label><input id="reason-<?cs var:l.line ?>" name="reason" maxlength="500"></div>
      <button type="submit" class="button"><?cs var:Lang.refund.line ?></button></form>
    <?cs /each ?>
  </div>
  <?cs /if ?>
  <?cs if:subcount(Page.refunds) > 0 ?>
  <h2><?cs var:Lang.refund.history ?></h2>
  <ul class="adm-refunds" id="refunds"><?cs each:r = Page.refunds ?><li class="refund-<?cs var:r.status ?>"><time><?cs var:r.at ?></time> <strong><?cs var:r.amount ?></strong> · <?cs var:Lang.refund.kind[r.kind] ?><?cs if:r.lines ?> (<?cs var:r.lines ?>)<?cs /if ?> · <?cs var:Lang.refund.method[r.method] ?><?cs if:r.provider ?> <?cs var:r.provider ?><?cs /if ?> · <span class="refund-status"><?cs if:r.waiting == "1" ?><?cs var:Lang.refund.status.waiting ?><?cs else ?><?cs var:Lang.refund.status[r.status] ?><?cs /if ?></span><?cs if:r.rid ?> · <code><?cs var:r.rid ?></code><?cs /if ?> · <?cs var:r.staff ?><?cs if:r.reason ?> — <?cs var:r.reason ?><?cs /if ?><?cs if:r.answer ?> — <span class="refund-answer"><?cs var:r.answer ?></span><?cs /if ?><?cs if:r.waiting == "1" && Page.refund_retry == "1" ?>
    <form method="post" action="/admin/order/retry" class="form refund-retry" id="refund-retry-<?cs var:r.id ?>"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:o.id ?>"><input type="hidden" name="refund" value="<?cs var:r.id ?>"><button type="submit" class="button"><?cs var:Lang.refund.retry ?></button></form><?cs /if ?></li><?cs /each ?></ul>
  <?cs /if ?>
  <?cs if:Page.resend.subject ?>
  <form method="post" action="/admin/order/resend" class="form" id="resend"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:o.id ?>">
    <p class="hint"><?cs var:Lang.refund.resend_last ?> <q id="resend-subject"><?cs var:Page.resend.subject ?></q> (<?cs var:Page.resend.at ?>)</p>
    <button type="submit" class="button" id="do-resend"><?cs var:Lang.refund.resend ?></button></form>
  <?cs /if ?>

  <h2><?cs var:Lang.adm.lines ?></h2>
  <ul class="summary-lines order-lines">
  <?cs each:l = o.lines ?><li><span class="what"><?cs var:l.name ?><?cs if:l.kind == "subscription" ?> · <?cs call:plan(l) ?><?cs /if ?> × <?cs var:l.qty ?></span> <span class="price"><?cs var:l.total ?></span><?cs call:line_details(l) ?></li><?cs /each ?>
  </ul>
  <p class="sum"><span><?cs var:Lang.checkout.subtotal ?></span> <span><?cs var:o.subtotal ?></span></p>
  <?cs if:o.has_discount == 1 ?><p class="sum discount"><span><?cs var:Lang.checkout.discount ?> (<span id="coupon"><?cs var:o.coupon ?></span>)</span> <span>− <?cs var:o.discount ?></span></p><?cs /if ?>
  <?cs call:delivery_line(o) ?>
  <p class="sum total"><span><?cs var:Lang.checkout.total ?></span> <strong><?cs var:o.total ?></strong></p>

  <?cs if:subcount(Page.subs) > 0 ?>
  <h2><?cs var:Lang.adm.subscriptions ?></h2>
  <ul class="adm-subs" id="order-subs"><?cs each:sb = Page.subs ?>
    <li id="sub-<?cs var:sb.id ?>"><strong><?cs var:sb.name ?></strong> · <?cs var:Lang.sub.status[sb.status] ?> · <?cs var:Lang.adm.sub.ends ?> <?cs var:sb.ends ?> · <?cs var:Lang.adm.sub.access ?>: <span class="sub-access-state"><?cs var:sb.access ?></span>
      <?cs if:subcount(sb.cred) > 0 ?><dl class="sub-access"><?cs each:f = sb.cred ?><div><dt><?cs var:f.name ?></dt><dd><code><?cs var:f.value ?></code></dd></div><?cs /each ?></dl><?cs /if ?>
      <form method="post" action="/admin/subscription/access" class="form adm-access"><input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="sub" value="<?cs var:sb.id ?>">
        <p class="hint"><?cs var:Lang.adm.sub.access_help ?></p>
        <?cs call:access_fields(sb.id) ?>
        <button type="submit" class="button"><?cs if:sb.access == "ready" ?><?cs var:Lang.adm.sub.replace ?><?cs else ?><?cs var:Lang.adm.sub.save ?><?cs /if ?></button>
      </form>
    </li><?cs /each ?>
  </ul>
  <?cs /if ?>

  <h2><?cs var:Lang.adm.customer ?></h2>
  <dl class="details" id="customer">
    <div><dt><?cs var:Lang.checkout.label.name ?></dt><dd><?cs var:o.name ?></dd></div>
    <div><dt><?cs var:Lang.checkout.label.email ?></dt><dd><a href="mailto:<?cs var:url_escape(o.email) ?>"><?cs var:o.email ?></a></dd></div>
    <div><dt><?cs var:Lang.checkout.label.phone ?></dt><dd><a href="tel:<?cs var:url_escape(o.phone) ?>"><?cs var:o.phone ?></a></dd></div>
    <?cs if:o.address ?><div><dt><?cs var:Lang.checkout.shipping ?></dt><dd class="address"><?cs var:o.address ?><br><?cs var:o.postal ?> <?cs var:o.city ?><br><?cs var:Lang.country[o.country] ?></dd></div><?cs /if ?>
  </dl>

  <h2><?cs var:Lang.adm.history ?></h2>
  <ol class="history"><?cs each:e = o.events ?><li><time><?cs var:e.at ?></time> <?cs call:status(e.status, e.status_text) ?><?cs if:e.note ?> <span class="note"><?cs var:Lang.order.note[e.note] ?></span><?cs /if ?></li><?cs /each ?></ol>

  <h2><?cs var:Lang.adm.notes ?></h2>
  <ul class="adm-notes" id="notes"><?cs each:n = Page.notes ?><li><time><?cs var:n.at ?></time> <?cs var:n.author ?> (<?cs if:n.visible == "1" ?><?cs var:Lang.adm.note_public ?><?cs else ?><?cs var:Lang.adm.note_private ?><?cs /if ?>): <span class="note-body"><?cs var:n.body ?></span></li><?cs /each ?></ul>
  <form method="post" action="/admin/order/note" class="form">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>"><input type="hidden" name="id" value="<?cs var:o.id ?>">
    <div class="field"><label for="note-body"><?cs var:Lang.adm.note_body ?></label><textarea id="note-body" name="body" required maxlength="2000" rows="2"></textarea></div>
    <div class="field"><label><input type="checkbox" name="visible" value="1"> <?cs var:Lang.adm.note_visible ?></label></div>
    <button type="submit" class="button"><?cs var:Lang.adm.add_note ?></button>
  </form>

  <?cs if:subcount(Page.audit) > 0 ?>
  <h2><?cs var:Lang.adm.audit_order ?></h2>
  <ul class="adm-audit"><?cs each:a = Page.audit ?><li><time><?cs var:a.at ?></time> <?cs var:a.actor ?>: <?cs var:a.action ?><?cs if:a.detail ?> — <?cs var:a.detail ?><?cs /if ?></li><?cs /each ?></ul>
  <?cs /if ?>
  <?cs /with ?>
</section>
<?cs /def ?>
