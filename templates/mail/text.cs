<?cs # Text-mail macros: one line, no trailing newline (text templates print every newline). ?><?cs def:ship_days(lo, hi) ?><?cs if:lo == hi ?><?cs var:lo ?> <?cs if:lo == 1 ?><?cs var:Lang.ship.day ?><?cs else ?><?cs var:Lang.ship.days ?><?cs /if ?><?cs else ?><?cs var:lo ?>-<?cs var:hi ?> <?cs var:Lang.ship.days ?><?cs /if ?><?cs /def ?><?cs def:plan(l) ?><?cs if:l.months > 0 ?><?cs var:l.months ?> <?cs if:l.months == 1 ?><?cs var:Lang.month ?><?cs else ?><?cs var:Lang.months ?><?cs /if ?><?cs elif:l.days > 0 ?><?cs var:l.days ?> <?cs if:l.days == 1 ?><?cs var:Lang.day ?><?cs else ?><?cs var:Lang.days ?><?cs /if ?><?cs /if ?><?cs /def ?><?cs def:lines(o) ?><?cs each:l = o.lines ?>
- <?cs var:l.name ?><?cs if:l.kind == "subscription" ?> (<?cs call:plan(l) ?>)<?cs /if ?> x <?cs var:l.qty ?>: <?cs var:l.total ?><?cs /each ?>

<?cs var:Lang.checkout.subtotal ?>: <?cs var:o.subtotal ?><?cs if:o.has_discount == 1 ?>
<?cs var:Lang.checkout.discount ?> (<?cs var:o.coupon ?>): -<?cs var:o.discount ?><?cs /if ?><?cs if:o.has_delivery == 1 ?>
<?cs var:Lang.ship.delivery ?> (<?cs var:o.delivery_name ?>, <?cs call:ship_days(o.delivery_min, o.delivery_max) ?>): <?cs if:o.delivery_free == 1 ?><?cs var:Lang.ship.free ?><?cs else ?><?cs var:o.delivery ?><?cs /if ?><?cs /if ?>
<?cs var:Lang.checkout.total ?>: <?cs var:o.total ?><?cs /def ?><?cs def:rows(o) ?><?cs each:r = o.pay.rows ?>
  <?cs var:r.label ?>: <?cs var:r.value ?><?cs if:?r.holder ?> (<?cs var:Lang.pay.label.holder ?>: <?cs var:r.holder ?>)<?cs /if ?><?cs /each ?><?cs if:?o.pay.deadline ?>
<?cs var:Lang.pay.deadline ?> <?cs var:o.pay.deadline ?>. <?cs var:Lang.pay.deadline_after ?><?cs /if ?><?cs /def ?><?cs def:step_text(done, now) ?><?cs if:done ?>[<?cs var:Lang.order.next.done ?>]<?cs elif:now ?>[<?cs var:Lang.order.next.now ?>]<?cs else ?>[<?cs var:Lang.order.next.later ?>]<?cs /if ?><?cs /def ?><?cs def:timeline_text(o) ?><?cs if:?o.next.stage ?>
<?cs var:Lang.order.next.title ?><?cs if:o.next.cod == 1 ?>
1. <?cs var:Lang.order.next.confirm_a ?> <?cs var:o.next.check_hours ?> <?cs var:Lang.order.next.hours ?><?cs if:o.next.subscription == 1 ?>
- <?cs var:Lang.order.next.access ?><?cs /if ?><?cs if:o.next.digital == 1 ?>
- <?cs var:Lang.order.next.downloads ?><?cs /if ?>
2. <?cs var:Lang.order.next.ship_a ?> <?cs var:o.next.ship_days ?> <?cs var:Lang.order.next.days ?>
3. <?cs var:Lang.order.next.pay_cod ?><?cs else ?>
1. <?cs var:Lang.order.next.pay ?>
2. <?cs var:Lang.order.next.check_a ?> <?cs var:o.next.check_hours ?> <?cs var:Lang.order.next.hours ?><?cs if:o.next.subscription == 1 ?>
3. <?cs var:Lang.order.next.access ?><?cs /if ?><?cs if:o.next.digital == 1 ?>
3. <?cs var:Lang.order.next.downloads ?><?cs /if ?><?cs if:o.next.physical == 1 ?>
3. <?cs var:Lang.order.next.ship_a ?> <?cs var:o.next.ship_days ?> <?cs var:Lang.order.next.days ?><?cs /if ?><?cs /if ?>
<?cs /if ?><?cs /def ?><?cs def:line_details_text(l) ?><?cs each:d = l.details ?>
    <?cs var:d.label ?>: <?cs var:d.value ?><?cs /each ?><?cs /def ?>
