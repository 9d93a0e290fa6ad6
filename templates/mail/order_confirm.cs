<?cs # To the shopper's address, which nobody has verified: print nothing
      the shopper typed (no name, no address, no phone), only the shop's
      own text, the order's lines, amounts and link (docs/mail-safety.md;
      tests/e2e/test_unverified_mail.py checks it).  o.next_text is
      mail/text.cs's timeline_text, rendered by store_mail.c
      (mail/timeline_text.cs), o.lines_text its lines (mail/order_lines.cs). ?><?cs include:"mail/text.cs" ?><?cs with:o = Page.order ?><?cs var:Lang.mail.hello ?>,

<?cs var:Lang.mail.confirm_intro ?> <?cs var:Store.name ?>.

<?cs var:Lang.order.title ?> <?cs var:o.reference ?> (<?cs var:o.created ?>)
<?cs var:o.lines_text ?>

<?cs with:pm = Lang.pay[o.method] ?><?cs var:Lang.order.pay_title ?> - <?cs var:pm.name ?>
<?cs var:pm.howto ?><?cs /with ?>
<?cs var:Lang.order.amount ?>: <?cs var:o.total ?><?cs call:rows(o) ?>
<?cs if:o.takes_proof == 1 ?>
<?cs var:Lang.mail.proof_hint ?>
<?cs /if ?>
<?cs var:o.next_text ?>
<?cs var:Lang.mail.follow ?>
<?cs var:o.url ?>

<?cs var:Store.name ?>
<?cs var:Store.base_url ?>
<?cs /with ?>
