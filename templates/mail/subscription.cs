<?cs var:Lang.sub.mail.hello ?>

<?cs if:Mail.kind == "ready" ?><?cs var:Lang.sub.mail.ready.text ?> <?cs var:Mail.product ?>.
<?cs var:Lang.sub.mail.ready.where ?>
<?cs var:Mail.link ?>
<?cs elif:Mail.kind == "reminder" ?><?cs var:Mail.product ?>: <?cs var:Lang.sub.mail.reminder.text ?> <?cs var:Mail.ends ?> (<?cs var:Mail.days ?> <?cs var:Lang.sub.mail.days ?>).
<?cs var:Lang.sub.mail.renew ?>
<?cs var:Mail.renew ?>
<?cs elif:Mail.kind == "expired" ?><?cs var:Mail.product ?>: <?cs var:Lang.sub.mail.expired.text ?> <?cs var:Mail.ends ?>.
<?cs var:Lang.sub.mail.renew ?>
<?cs var:Mail.renew ?>
<?cs elif:Mail.kind == "low" ?><?cs var:Mail.product ?>: <?cs var:Lang.sub.mail.low.text ?> <?cs var:Mail.days ?>.
<?cs var:Lang.sub.mail.low.how ?>
<?cs /if ?>

<?cs var:Lang.sub.mail.signature ?> <?cs var:Store.name ?>
<?cs var:Store.base_url ?>/
<?cs # Subscription mails (lib/store/subs.c sub_mail): Mail.kind ready,
      reminder, expired (to the customer, never the credentials) or low
      (to the shop).  Plain text. ?>
