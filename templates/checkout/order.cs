<?cs # The order page, reached by its unguessable token.  Page.order
      (order_hdf.h order_put), Page.placed, Page.payfail and Page.paydown
      (not paid; the gateway down), Page.paywait (back from the gateway
      while it cannot be asked: no second payment offered), Page.proof_received,
      Page.upload_err (with Page.budget and Page.budget_unit for a byte budget,
      Page.retry_minutes for a rate limit), Page.max_upload (MB). ?>
<?cs include:"partials/order.cs" ?>
<?cs include:"partials/library.cs" ?>
<?cs include:"partials/subs.cs" ?>
<?cs def:title() ?><?cs var:Lang.order.title ?> <?cs var:Page.order.reference ?><?cs /def ?>
<?cs def:main() ?>
<?cs with:o = Page.order ?>
<?cs if:Page.placed ?>
<div class="notice ok placed" role="status">
  <p><strong><?cs var:Lang.order.thanks ?></strong></p>
  <p><?cs var:Lang.order.thanks_text ?></p>
</div>
<?cs /if ?>
<?cs if:Page.paid && o.status == "paid" ?>
<div class="notice ok paid" role="status"><p><strong><?cs var:Lang.order.paid_ok ?></strong></p></div>
<?cs /if ?>
<?cs if:Page.paywait && o.status == "awaiting_payment" ?>
<div class="notice pay-wait" id="pay-wait" role="status">
  <p><span id="pay-down"><?cs var:Lang.order.pay_down ?></span> <?cs var:Lang.order.pay_wait ?></p>
  <p><a href="/pay/<?cs var:o.token ?>/return" id="pay-check"><?cs var:Lang.order.pay_check ?></a></p>
</div>
<?cs /if ?>
<?cs if:Page.payfail && o.status == "awaiting_payment" ?>
<p class="notice error pay-failed" role="alert"><?cs if:Page.paydown ?><span id="pay-down"><?cs var:Lang.order.pay_down ?></span> <?cs /if ?><?cs var:Lang.order.pay_failed ?></p>
<?cs /if ?>
<?cs if:?Page.upload_err ?><p class="notice error" id="err-proof" role="alert"><?cs var:Lang.order.upload_err[Page.upload_err] ?><?cs if:?Page.budget ?> <?cs var:Page.budget ?> <?cs var:Lang.order[Page.budget_unit] ?> <?cs var:Lang.order.budget_b ?><?cs /if ?><?cs if:?Page.retry_minutes ?> <?cs var:Lang.order.retry_a ?> <?cs var:Page.retry_minutes ?> <?cs var:Lang.order.retry_b ?><?cs /if ?></p><?cs /if ?>
<header class="page-head order-head">
  <h1><?cs var:Lang.order.title ?> <span class="ref"><?cs var:o.reference ?></span></h1>
  <p><?cs var:Lang.order.placed_on ?> <?cs var:o.created ?> · <?cs call:status(o.status, o.status_text) ?></p>
</header>

<?cs if:o.status == "awaiting_payment" || o.status == "proof_received" ?>
<section class="pay-box" aria-labelledby="h-pay">
  <h2 id="h-pay"><?cs var:Lang.order.pay_title ?> — <?cs var:Lang.pay[o.method].name ?></h2>
  <p class="amount"><?cs var:Lang.order.amount ?> <strong><?cs var:o.total ?></strong></p>
  <p><?cs var:Lang.pay[o.method].howto ?></p>
  <?cs call:pay_rows(o.pay.rows, 1) ?>
  <?cs if:?o.pay.deadline && o.status == "awaiting_payment" ?><p class="pay-deadline" id="pay-deadline"><strong><?cs var:Lang.pay.deadline ?> <?cs var:o.pay.deadline ?></strong>. <?cs var:Lang.pay.deadline_after ?></p><?cs /if ?>
  <?cs if:Page.online_order && !Page.paywait ?>
  <form class="pay-online" action="/pay/<?cs var:o.token ?>" method="post">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <?cs each:m = Page.online ?>
    <button type="submit" name="method" value="<?cs var:m ?>" class="button<?cs if:m == o.method ?> primary<?cs /if ?>" id="pay-<?cs var:m ?>"><?cs if:m == o.method ?><?cs var:Lang.order.pay_online ?> — <?cs else ?><?cs var:Lang.order.pay_with ?> <?cs /if ?><?cs var:Lang.pay[m].name ?></button>
    <?cs /each ?>
  </form>
  <?cs /if ?>
  <?cs if:o.proofs > 0 || Page.proof_received ?>
  <p class="notice ok proof-ok" role="status"><?cs var:Lang.order.proof_received ?></p>
  <?cs /if ?>
  <?cs if:o.takes_proof == 1 ?>
  <form class="proof-form" action="/order/<?cs var:o.token ?>" method="post" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="<?cs var:Req.csrf ?>">
    <label for="f-proof"><?cs if:o.proofs > 0 ?><?cs var:Lang.order.proof_another ?><?cs else ?><?cs var:Lang.order.proof_title ?><?cs /if ?></label>
    <input id="f-proof" name="proof" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" required<?cs if:?Page.upload_err ?> aria-invalid="true" aria-describedby="err-proof"<?cs /if ?>>
    <p class="help"><?cs var:Lang.order.proof_help ?> <?cs var:Page.max_upload ?> <?cs var:Lang.order.mb ?>.</p>
    <button type="submit" class="button primary"><?cs var:Lang.order.proof_send ?></button>
  </form>
  <?cs /if ?>
</section>
<?cs /if ?>

<?cs call:timeline(o) ?>
<?cs if:Page.subs_count > 0 ?>
<section class="order-subs" aria-labelledby="h-subs">
  <h2 id="h-subs"><?cs var:Lang.sub.access ?></h2>
  <?cs call:subs_list(Page.subs) ?>
</section>
<?cs /if ?>
<?cs if:Page.downloads_count > 0 ?>
<section class="downloads" aria-labelledby="h-downloads">
  <h2 id="h-downloads"><?cs var:Lang.library.downloads ?></h2>
  <?cs call:library_list(Page.downloads) ?>
</section>
<?cs /if ?>

<section aria-labelledby="h-items">
  <h2 id="h-items"><?cs var:Lang.order.items ?></h2>
  <ul class="summary-lines order-lines">
  <?cs each:l = o.lines ?>
    <li><span class="what"><?cs var:l.name ?><?cs if:l.kind == "subscription" ?> · <?cs call:plan(l) ?><?cs /if ?><?cs if:l.qty > 1 ?> × <?cs var:l.qty ?><?cs /if ?></span> <span class="price"><?cs var:l.total ?></span><?cs call:line_details(l) ?></li>
  <?cs /each ?>
  </ul>
  <p class="sum"><span><?cs var:Lang.checkout.subtotal ?></span> <span><?cs var:o.subtotal ?></span></p>
  <?cs if:o.has_discount == 1 ?><p class="sum discount"><span><?cs var:Lang.checkout.discount ?> (<?cs var:o.coupon ?>)</span> <span>− <?cs var:o.discount ?></span></p><?cs /if ?>
  <?cs call:delivery_line(o) ?>
  <p class="sum total"><span><?cs var:Lang.checkout.total ?></span> <strong><?cs var:o.total ?></strong></p>
</section>

<section aria-labelledby="h-details">
  <h2 id="h-details"><?cs var:Lang.order.details ?></h2>
  <dl class="details">
    <div><dt><?cs var:Lang.checkout.label.name ?></dt><dd><?cs var:o.name ?></dd></div>
    <div><dt><?cs var:Lang.checkout.label.email ?></dt><dd><?cs var:o.email ?><?cs if:!Session.logged_in ?> · <a id="create-account" href="/account/register?email=<?cs var:url_escape(o.email) ?>"><?cs var:Lang.acct.create_after_order ?></a><?cs /if ?></dd></div>
    <div><dt><?cs var:Lang.checkout.label.phone ?></dt><dd><?cs var:o.phone ?></dd></div>
    <?cs if:o.address ?><div><dt><?cs var:Lang.checkout.shipping ?></dt><dd class="address"><?cs var:o.address ?><br><?cs var:o.postal ?> <?cs var:o.city ?><br><?cs var:Lang.country[o.country] ?></dd></div><?cs /if ?>
    <?cs if:o.has_delivery == 1 ?><div><dt><?cs var:Lang.ship.legend ?></dt><dd><?cs var:o.delivery_name ?> · <?cs call:ship_days(o.delivery_min, o.delivery_max) ?></dd></div><?cs /if ?>
    <div><dt><?cs var:Lang.checkout.label.payment ?></dt><dd><?cs var:Lang.pay[o.method].name ?></dd></div>
  </dl>
</section>

<?cs if:subcount(Page.notes) > 0 ?>
<section aria-labelledby="h-notes" class="shop-notes">
  <h2 id="h-notes"><?cs var:Lang.order.shop_notes ?></h2>
  <ul id="shop-notes"><?cs each:n = Page.notes ?><li><time><?cs var:n.at ?></time> <?cs var:n.body ?></li><?cs /each ?></ul>
</section>
<?cs /if ?>

<section aria-labelledby="h-history">
  <h2 id="h-history"><?cs var:Lang.order.history ?></h2>
  <ol class="history">
  <?cs each:e = o.events ?>
    <li><time><?cs var:e.at ?></time> <?cs call:status(e.status, e.status_text) ?><?cs if:e.note ?> <span class="note"><?cs var:Lang.order.note[e.note] ?></span><?cs /if ?></li>
  <?cs /each ?>
  </ol>
</section>
<?cs /with ?>
<?cs /def ?>
