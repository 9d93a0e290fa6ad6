<?cs var:Lang.acct.mail.hello ?><?cs if:Mail.name ?> <?cs var:Mail.name ?><?cs /if ?>,

<?cs var:Lang.acct.mail[Mail.kind].text ?>
<?cs if:Mail.link ?>
<?cs var:Mail.link ?>
<?cs /if ?>
<?cs var:Lang.acct.mail.from ?>: <?cs var:Mail.client ?>

<?cs var:Lang.acct.mail.signature ?> <?cs var:Store.name ?>
<?cs var:Store.base_url ?>/
<?cs # Every account mail (cgi-bin/account.c acct_mail): Mail.kind picks
      the paragraph, Mail.link the single-use link if any.  Plain text. ?>
