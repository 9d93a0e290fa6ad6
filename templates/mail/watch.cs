<?cs if:Mail.what == "back" ?><?cs var:Lang.watch.mail_back ?><?cs elif:Mail.what == "cheaper" ?><?cs var:Lang.watch.mail_cheaper ?><?cs else ?><?cs var:Lang.watch.mail_alert ?><?cs /if ?>

<?cs var:Mail.product ?>
<?cs if:Mail.old_price ?><?cs var:Lang.watch.mail_was ?> <?cs var:Mail.old_price ?>, <?cs var:Lang.watch.mail_now ?> <?cs /if ?><?cs var:Mail.price ?>
<?cs var:Mail.url ?>

<?cs var:Lang.watch.mail_stop ?>
<?cs var:Mail.stop ?>

<?cs var:Mail.store ?>
<?cs # lib/store/watch.c to a wishlist owner (back in stock, cheaper) or a
      "notify me" address (back in stock), in their language.  A notify-me
      address was never verified, so the mail carries nothing anybody
      typed: the catalog's product name, prices, links and the shop's name
      (docs/mail-safety.md).  Plain text (TMPL_TEXT). ?>
