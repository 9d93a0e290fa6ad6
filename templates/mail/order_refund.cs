<?cs # To the shopper's (unverified) address when staff refund the order
      (lib/site/store_mail.c store_mail_refund): the shop's text, the
      amount, the catalog's line names, the staff's reason (Mail.reason,
      may be empty) and the order's link; nothing the shopper typed.
      Plain text (TMPL_TEXT). ?><?cs with:o = Page.order ?><?cs var:Lang.mail.hello ?>,

<?cs var:Lang.refund.mail_intro ?> <?cs var:Mail.amount ?> — <?cs var:o.reference ?> (<?cs var:Store.name ?>).
<?cs if:Mail.full == "1" ?><?cs var:Lang.refund.mail_full ?>
<?cs else ?><?cs var:Lang.refund.mail_lines ?>
<?cs each:l = Mail.lines ?>  - <?cs var:l.name ?> × <?cs var:l.qty ?>
<?cs /each ?><?cs /if ?>
<?cs if:Mail.gateway == "1" ?><?cs var:Lang.refund.mail_gateway ?><?cs else ?><?cs var:Lang.refund.mail_manual ?> <?cs var:Lang.pay[o.method].name ?>.<?cs /if ?>
<?cs if:Mail.reason ?>
<?cs var:Lang.refund.mail_reason ?>
<?cs var:Mail.reason ?>
<?cs /if ?>
<?cs var:Lang.mail.follow ?>
<?cs var:o.url ?>

<?cs var:Store.name ?>
<?cs /with ?>
