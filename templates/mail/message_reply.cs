<?cs # Staff's reply to a contact message, to the shopper's (unverified)
      address: the staff's text (Mail.body) and the shop's words only —
      nothing the shopper typed is quoted back (docs/mail-safety.md). ?><?cs var:Lang.mail.hello ?>,

<?cs var:Mail.body ?>

<?cs var:Mail.staff ?>
<?cs var:Store.name ?>
<?cs var:Lang.admmsg.mail_footer ?>
