<?cs # Macros for carts and orders: plan durations, payment instructions,
      order status, field errors.  Included by cart/, checkout/ and the
      HTML mail. ?>
<?cs include:"partials/form_err.cs" ?>
<?cs def:plan(l) ?><?cs if:l.months > 0 ?><?cs var:l.months ?> <?cs if:l.months == 1 ?><?cs var:Lang.month ?><?cs else ?><?cs var:Lang.months ?><?cs /if ?><?cs elif:l.days > 0 ?><?cs var:l.days ?> <?cs if:l.days == 1 ?><?cs var:Lang.day ?><?cs else ?><?cs var:Lang.days ?><?cs /if ?><?cs /if ?><?cs /def ?>
<?cs def:status(s, text) ?><span class="status status-<?cs var:s ?>"><?cs var:Lang.order.status[text] ?></span><?cs /def ?>
<?cs def:ship_days(lo, hi) ?><?cs if:lo == hi ?><?cs var:lo ?> <?cs if:lo == 1 ?><?cs var:Lang.ship.day ?><?cs else ?><?cs var:Lang.ship.days ?><?cs /if ?><?cs else ?><?cs var:lo ?>–<?cs var:hi ?> <?cs var:Lang.ship.days ?><?cs /if ?><?cs /def ?>
<?cs def:pay_rows(rows, copy) ?>
<dl class="pay-rows">
<?cs each:r = rows ?><div><dt><?cs var:r.label ?></dt><dd><span class="pay-value"<?cs if:r.copy ?> id="pay-value-<?cs name:r ?>"<?cs /if ?>><?cs var:r.value ?></span><?cs if:r.copy && copy ?> <button type="button" class="small copy" data-copy="pay-value-<?cs name:r ?>" data-copied="<?cs var:Lang.pay.copied ?>" hidden><?cs var:Lang.pay.copy ?></button><?cs /if ?><?cs if:?r.holder ?><br><small class="holder"><?cs var:Lang.pay.label.holder ?>: <?cs var:r.holder ?></small><?cs /if ?></dd></div>
<?cs /each ?></dl>
<?cs /def ?>
<?cs def:ferr(f) ?><?cs if:?Page.field_err[f] ?><p class="field-err" data-fe-for="f-<?cs var:f ?>" id="err-<?cs var:f ?>"><?cs call:fe_text("checkout", f, Page.field_err[f]) ?></p><?cs /if ?><?cs /def ?>
<?cs def:invalid(f) ?><?cs if:?Page.field_err[f] ?> aria-invalid="true" aria-describedby="err-<?cs var:f ?>"<?cs /if ?><?cs /def ?>
<?cs # What happens next (order_hdf.c put_next): one step per line kind,
      each done, now (aria-current) or to come.  o.next is absent for a
      cancelled or refunded order. ?>
<?cs def:step_attrs(name, done, now) ?> class="step<?cs if:done ?> done<?cs elif:now ?> now<?cs /if ?>" data-step="<?cs var:name ?>"<?cs if:now && !done ?> aria-current="step"<?cs /if ?><?cs /def ?>
<?cs def:step_mark(done, now) ?><span class="step-mark"><?cs if:done ?><?cs var:Lang.order.next.done ?><?cs elif:now ?><?cs var:Lang.order.next.now ?><?cs else ?><?cs var:Lang.order.next.later ?><?cs /if ?></span> <?cs /def ?>
<?cs def:timeline(o) ?><?cs if:?o.next.stage ?>
<section class="timeline" aria-labelledby="h-next">
  <h2 id="h-next"><?cs var:Lang.order.next.title ?></h2>
  <ol class="steps">
  <?cs if:o.next.cod == 1 ?>
    <li<?cs call:step_attrs("confirm", o.next.stage >= 1, o.next.stage == 0) ?>><?cs call:step_mark(o.next.stage >= 1, o.next.stage == 0) ?><?cs var:Lang.order.next.confirm_a ?> <?cs var:o.next.check_hours ?> <?cs var:Lang.order.next.hours ?></li>
    <?cs if:o.next.subscription == 1 ?><li<?cs call:step_attrs("access", o.next.stage >= 2, o.next.stage == 1) ?>><?cs call:step_mark(o.next.stage >= 2, o.next.stage == 1) ?><?cs var:Lang.order.next.access ?></li><?cs /if ?>
    <?cs if:o.next.digital == 1 ?><li<?cs call:step_attrs("downloads", o.next.stage >= 2, o.next.stage == 1) ?>><?cs call:step_mark(o.next.stage >= 2, o.next.stage == 1) ?><?cs var:Lang.order.next.downloads ?></li><?cs /if ?>
    <li<?cs call:step_attrs("ship", o.next.stage >= 2, o.next.stage == 1) ?>><?cs call:step_mark(o.next.stage >= 2, o.next.stage == 1) ?><?cs var:Lang.order.next.ship_a ?> <?cs var:o.next.ship_days ?> <?cs var:Lang.order.next.days ?></li>
    <li<?cs call:step_attrs("pay", o.next.stage >= 2, 0) ?>><?cs call:step_mark(o.next.stage >= 2, 0) ?><?cs var:Lang.order.next.pay_cod ?></li>
  <?cs else ?>
    <li<?cs call:step_attrs("pay", o.next.stage >= 1 || o.status == "proof_received", o.status == "awaiting_payment") ?>><?cs call:step_mark(o.next.stage >= 1 || o.status == "proof_received", o.status == "awaiting_payment") ?><?cs var:Lang.order.next.pay ?></li>
    <li<?cs call:step_attrs("check", o.next.stage >= 1, o.status == "proof_received") ?>><?cs call:step_mark(o.next.stage >= 1, o.status == "proof_received") ?><?cs var:Lang.order.next.check_a ?> <?cs var:o.next.check_hours ?> <?cs var:Lang.order.next.hours ?></li>
    <?cs if:o.next.subscription == 1 ?><li<?cs call:step_attrs("access", o.next.stage >= 2, o.next.stage == 1) ?>><?cs call:step_mark(o.next.stage >= 2, o.next.stage == 1) ?><?cs var:Lang.order.next.access ?></li><?cs /if ?>
    <?cs if:o.next.digital == 1 ?><li<?cs call:step_attrs("downloads", o.next.stage >= 2, o.next.stage == 1) ?>><?cs call:step_mark(o.next.stage >= 2, o.next.stage == 1) ?><?cs var:Lang.order.next.downloads ?></li><?cs /if ?>
    <?cs if:o.next.physical == 1 ?><li<?cs call:step_attrs("ship", o.next.stage >= 2, o.next.stage == 1) ?>><?cs call:step_mark(o.next.stage >= 2, o.next.stage == 1) ?><?cs var:Lang.order.next.ship_a ?> <?cs var:o.next.ship_days ?> <?cs var:Lang.order.next.days ?></li><?cs /if ?>
  <?cs /if ?>
  </ol>
</section>
<?cs /if ?><?cs /def ?>
<?cs # The order's delivery line before its total (order page, admin). ?>
<?cs def:delivery_line(o) ?><?cs if:o.has_delivery == 1 ?><p class="sum delivery" id="order-delivery"><span><?cs var:Lang.ship.delivery ?> (<?cs var:o.delivery_name ?>, <?cs call:ship_days(o.delivery_min, o.delivery_max) ?>)</span> <span><?cs if:o.delivery_free == 1 ?><?cs var:Lang.ship.free ?><?cs else ?><?cs var:o.delivery ?><?cs /if ?></span></p><?cs /if ?><?cs /def ?>
<?cs def:line_details(l) ?><?cs if:subcount(l.details) > 0 ?><dl class="line-details"><?cs each:d = l.details ?><div><dt><?cs var:d.label ?></dt><dd><?cs var:d.value ?></dd></div><?cs /each ?></dl><?cs /if ?><?cs /def ?>
