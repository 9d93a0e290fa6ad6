<?cs var:Lang.grant.mail.hello ?>,

<?cs var:Mail.product ?>: <?cs var:Lang.grant.mail.added ?> <?cs var:Store.name ?>.
<?cs if:Mail.until ?><?cs var:Lang.grant.mail.until ?> <?cs var:Mail.until ?>.
<?cs /if ?><?cs if:Mail.max ?><?cs var:Lang.grant.mail.max ?> <?cs var:Mail.max ?>.
<?cs /if ?>
<?cs var:Lang.grant.mail.where ?>
<?cs var:Mail.link ?>

<?cs var:Lang.grant.mail.signature ?> <?cs var:Store.name ?>
<?cs # "Added to your library": content staff gave the customer without an
      order (lib/store/grant.c grant_mail): Mail.product, Mail.link (the
      library), Mail.until (last day, "" for ever), Mail.max (downloads
      of each file, "" unlimited). ?>
