<?cs var:Lang.mail.expired_hello ?>

<?cs var:Lang.mail.expired_intro ?> <?cs var:Mail.reference ?> <?cs var:Lang.mail.expired_why_a ?> <?cs var:Mail.hours ?> <?cs var:Lang.mail.expired_why_b ?>

<?cs var:Lang.mail.expired_paid ?>

<?cs var:Lang.mail.follow ?>
<?cs var:Mail.url ?>

<?cs var:Lang.mail.expired_again ?>
<?cs var:Store.base_url ?>/

<?cs var:Store.name ?>
<?cs # soukctl cron (ctl/cmd_cron.c) to the shopper of an order it cancelled
      for want of payment, in the order's language.  The address was never
      verified, so nothing the shopper typed is echoed (no name): only the
      reference, the hold and the order link.  Plain text (TMPL_TEXT). ?>
