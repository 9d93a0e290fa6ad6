<?cs var:Lang.mail.hello ?>,

<?cs var:Lang.mail.ack_text ?>

<?cs var:Lang.mail.sent ?>: <?cs var:Mail.sent_at ?>

<?cs var:Lang.mail.ack_reply ?>

<?cs var:Lang.mail.signature ?>
<?cs var:Store.name ?>
<?cs var:Store.base_url ?>/
<?cs # To the sender, in their language.  The address is one nobody has
      verified, so this mail echoes nothing the visitor typed: no name, no
      subject, no order field, no message (contact.c renders it without
      them; docs/mail-safety.md).  Otherwise the form would relay any text
      to any address.  Plain text (TMPL_TEXT): nothing is escaped, and every
      character here, newlines included, is part of the mail. ?>