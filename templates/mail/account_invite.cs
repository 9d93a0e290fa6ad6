<?cs var:Lang.admcust.mail.hello ?><?cs if:Mail.name ?> <?cs var:Mail.name ?><?cs /if ?>,

<?cs var:Lang.admcust.mail.created ?> <?cs var:Store.name ?>.
<?cs var:Lang.admcust.mail.login ?> <?cs var:Mail.email ?>

<?cs var:Lang.admcust.mail.choose ?>
<?cs var:Mail.link ?>

<?cs var:Lang.admcust.mail.expires ?> <?cs var:Mail.expires ?>. <?cs var:Lang.admcust.mail.later ?>
<?cs var:Store.base_url ?>/account/forgot

<?cs var:Lang.admcust.mail.signature ?> <?cs var:Store.name ?>
<?cs var:Store.base_url ?>/
<?cs # The welcome mail of an account staff created (lib/site/store_mail.c
      store_mail_invite): Mail.name, Mail.email (the login), Mail.link
      (single-use set-password link), Mail.expires.  Plain text. ?>
