<?cs var:Lang.mail.hello ?> <?cs var:Mail.name ?>,

<?cs var:Lang.mail.ack_text ?>

<?cs var:Lang.mail.subject ?>: <?cs var:Mail.subject ?>
<?cs if:Mail.order ?><?cs var:Lang.mail.order ?>: <?cs var:Mail.order ?>
<?cs /if ?><?cs var:Lang.mail.sent ?>: <?cs var:Mail.sent_at ?>

<?cs var:Lang.mail.ack_reply ?>

<?cs var:Lang.mail.signature ?>
<?cs var:Store.name ?>
<?cs var:Store.base_url ?>/
<?cs # To the sender, in their language.  Deliberately without a copy of
      their message: a form that mails any text to any address would be a
      spam relay.  Plain text (TMPL_TEXT): nothing is escaped, and every
      character here, newlines included, is part of the mail. ?>