<?cs # Macros for carts and orders: plan durations, payment instructions,
      order status, field errors.  Included by cart/, checkout/ and the
      HTML mail. ?>
<?cs include:"partials/form_err.cs" ?>
<?cs def:plan(l) ?><?cs if:l.months > 0 ?><?cs var:l.months ?> <?cs if:l.months == 1 ?><?cs var:Lang.month ?><?cs else ?><?cs var:Lang.months ?><?cs /if ?><?cs elif:l.days > 0 ?><?cs var:l.days ?> <?cs if:l.days == 1 ?><?cs var:Lang.day ?><?cs else ?><?cs var:Lang.days ?><?cs /if ?><?cs /if ?><?cs /def ?>
<?cs def:status(s) ?><span class="status status-<?cs var:s ?>"><?cs var:Lang.order.status[s] ?></span><?cs /def ?>
<?cs def:pay_rows(rows) ?>
<dl class="pay-rows">
<?cs each:r = rows ?><div><dt><?cs if:?r.key ?><?cs var:Lang.pay.label[r.key] ?><?cs else ?><?cs var:r.name ?><?cs /if ?></dt><dd><?cs var:r.value ?></dd></div>
<?cs /each ?></dl>
<?cs /def ?>
<?cs def:ferr(f) ?><?cs if:?Page.field_err[f] ?><p class="field-err" id="err-<?cs var:f ?>" data-fe-for="f-<?cs var:f ?>"><?cs call:fe_text("checkout", f, Page.field_err[f]) ?></p><?cs /if ?><?cs /def ?>
<?cs def:invalid(f) ?><?cs if:?Page.field_err[f] ?> aria-invalid="true" aria-describedby="err-<?cs var:f ?>"<?cs /if ?><?cs /def ?>
