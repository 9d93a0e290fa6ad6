<?cs # Macros for carts and orders: plan durations, payment instructions,
      order status, field errors.  Included by cart/, checkout/ and the
      HTML mail. ?>
<?cs def:plan(l) ?><?cs if:l.months > 0 ?><?cs var:l.months ?> <?cs if:l.months == 1 ?><?cs var:Lang.month ?><?cs else ?><?cs var:Lang.months ?><?cs /if ?><?cs elif:l.days > 0 ?><?cs var:l.days ?> <?cs if:l.days == 1 ?><?cs var:Lang.day ?><?cs else ?><?cs var:Lang.days ?><?cs /if ?><?cs /if ?><?cs /def ?>
<?cs def:status(s, text) ?><span class="status status-<?cs var:s ?>"><?cs var:Lang.order.status[text] ?></span><?cs /def ?>
<?cs def:ship_days(lo, hi) ?><?cs if:lo == hi ?><?cs var:lo ?> <?cs if:lo == 1 ?><?cs var:Lang.ship.day ?><?cs else ?><?cs var:Lang.ship.days ?><?cs /if ?><?cs else ?><?cs var:lo ?>–<?cs var:hi ?> <?cs var:Lang.ship.days ?><?cs /if ?><?cs /def ?>
<?cs def:pay_rows(rows, copy) ?>
<dl class="pay-rows">
<?cs each:r = rows ?><div><dt><?cs if:?r.key ?><?cs var:Lang.pay.label[r.key] ?><?cs else ?><?cs var:r.name ?><?cs /if ?></dt><dd><span class="pay-value"<?cs if:r.copy ?> id="pay-value-<?cs name:r ?>"<?cs /if ?>><?cs var:r.value ?></span><?cs if:r.copy && copy ?> <button type="button" class="small copy" data-copy="pay-value-<?cs name:r ?>" data-copied="<?cs var:Lang.pay.copied ?>" hidden><?cs var:Lang.pay.copy ?></button><?cs /if ?><?cs if:?r.holder ?><br><small class="holder"><?cs var:Lang.pay.label.holder ?>: <?cs var:r.holder ?></small><?cs /if ?></dd></div>
<?cs /each ?></dl>
<?cs /def ?>
<?cs def:ferr(f) ?><?cs if:?Page.field_err[f] ?><p class="field-err" id="err-<?cs var:f ?>"><?cs alt:Lang.checkout.err[Page.field_err[f]] ?><?cs var:Lang.err[Page.field_err[f]] ?><?cs /alt ?></p><?cs /if ?><?cs /def ?>
<?cs def:invalid(f) ?><?cs if:?Page.field_err[f] ?> aria-invalid="true" aria-describedby="err-<?cs var:f ?>"<?cs /if ?><?cs /def ?>
