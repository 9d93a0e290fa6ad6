<?cs # Text-mail macros: one line, no trailing newline (text templates print every newline). ?><?cs def:plan(l) ?><?cs if:l.months > 0 ?><?cs var:l.months ?> <?cs if:l.months == 1 ?><?cs var:Lang.month ?><?cs else ?><?cs var:Lang.months ?><?cs /if ?><?cs elif:l.days > 0 ?><?cs var:l.days ?> <?cs if:l.days == 1 ?><?cs var:Lang.day ?><?cs else ?><?cs var:Lang.days ?><?cs /if ?><?cs /if ?><?cs /def ?><?cs def:lines(o) ?><?cs each:l = o.lines ?>
- <?cs var:l.name ?><?cs if:l.kind == "subscription" ?> (<?cs call:plan(l) ?>)<?cs /if ?> x <?cs var:l.qty ?>: <?cs var:l.total ?><?cs /each ?>

<?cs var:Lang.checkout.subtotal ?>: <?cs var:o.subtotal ?><?cs if:o.has_discount == 1 ?>
<?cs var:Lang.checkout.discount ?> (<?cs var:o.coupon ?>): -<?cs var:o.discount ?><?cs /if ?>
<?cs var:Lang.checkout.total ?>: <?cs var:o.total ?><?cs /def ?><?cs def:rows(o) ?><?cs each:r = o.pay.rows ?>
  <?cs if:?r.key ?><?cs var:Lang.pay.label[r.key] ?><?cs else ?><?cs var:r.name ?><?cs /if ?>: <?cs var:r.value ?><?cs /each ?><?cs /def ?>