<?cs var:Lang.sub.mail.hello ?>

<?cs if:Mail.kind == "ready" ?><?cs var:Lang.sub.mail.ready.text ?> <?cs var:Mail.product ?>.
<?cs var:Lang.sub.mail.ready.where ?>
<?cs var:Mail.link ?>
<?cs if:Mail.secret ?>
<?cs var:Lang.sub.mail.secret ?>
<?cs var:Mail.secret ?><?cs /if ?>
<?cs elif:Mail.kind == "replaced" ?><?cs var:Lang.sub.mail.replaced.text ?> <?cs var:Mail.product ?>.
<?cs var:Lang.sub.mail.ready.where ?>
<?cs var:Mail.link ?>
<?cs if:Mail.secret ?>
<?cs var:Lang.sub.mail.secret ?>
<?cs var:Mail.secret ?><?cs /if ?>
<?cs elif:Mail.kind == "extended" || Mail.kind == "resumed" ?><?cs var:Mail.product ?>: <?cs var:Lang.sub.mail[Mail.kind].text ?> <?cs var:Mail.ends ?>.
<?cs var:Lang.sub.mail.see ?>
<?cs var:Mail.link ?>
<?cs elif:Mail.kind == "suspended" || Mail.kind == "cancelled" ?><?cs var:Mail.product ?>: <?cs var:Lang.sub.mail[Mail.kind].text ?>
<?cs var:Lang.sub.mail.reason ?> <?cs var:Mail.reason ?>
<?cs var:Lang.sub.mail.contact ?>
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
<?cs # Subscription mails (lib/store/subs.c subs_mail): Mail.kind ready,
      replaced, reminder, expired, extended, suspended, resumed, cancelled
      (to the customer; Mail.secret, the credentials, only when
      credentials_in_mail is 1; Mail.reason for suspended and cancelled)
      or low (to the shop).  Plain text. ?>
